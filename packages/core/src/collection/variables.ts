/** `{{name}}` tokens, as Postman's substitution engine finds them. */
export const TOKEN = /\{\{([^{}]*?)\}\}/g

/** Postman gives up after this many passes of nested substitution. */
const MAX_PASSES = 19

/** A variable scope: name → value (already merged by precedence). */
export type VariableScope = ReadonlyMap<string, string>

/**
 * Replaces `{{name}}` tokens with values from `scope`, repeatedly (nested variables), leaving unknown
 * tokens verbatim, as Postman does.
 */
export function substitute(text: string, scope: VariableScope): string {
  if (!text.includes('{{')) return text
  let cache = caches.get(scope)
  if (!cache) {
    cache = new Map()
    caches.set(scope, cache)
  }
  const cached = cache.get(text)
  if (cached !== undefined) return cached
  const result = substituteOnce(text, scope)
  if (text.length <= CACHEABLE) cache.set(text, result)
  return result
}

/** Results per scope: collections repeat the same URLs (`{{baseUrl}}/…`) thousands of times. */
const caches = new WeakMap<VariableScope, Map<string, string>>()
/** Longer texts (bodies) are rarely repeated; caching them would only hold memory. */
const CACHEABLE = 512

function substituteOnce(text: string, scope: VariableScope): string {
  let current = text
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false
    const next = current.replace(TOKEN, (token, name: string) => {
      const value = scope.get(name)
      if (value === undefined) return token
      changed = true
      return value
    })
    current = next
    if (!changed || !current.includes('{{')) break
  }
  return current
}

/** Builds one scope from layers, later layers winning. */
export function mergeScopes(...layers: Array<Iterable<[string, string]>>): Map<string, string> {
  const scope = new Map<string, string>()
  for (const layer of layers) for (const [key, value] of layer) scope.set(key, value)
  return scope
}

/** The whole-segment wildcard form `{{name}}`; returns the name or undefined. */
export function wildcardName(segment: string): string | undefined {
  const match = /^\{\{([^{}]+)\}\}$/.exec(segment)
  return match ? match[1] : undefined
}

/** Turns a variable's value (any JSON type) into the text Postman substitutes. */
export function variableText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
