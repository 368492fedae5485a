import { CLOSE_BRACE, OPEN_BRACE } from './char-codes.js'

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
    const next = replaceKnownTokens(current, scope)
    if (next === undefined) break
    current = next
    if (!current.includes('{{')) break
  }
  return current
}

/**
 * One pass of substitution: every `{{name}}` token (a name without braces, as Postman's engine finds
 * them, left to right) whose name the scope knows is replaced by its value; the values are not read
 * again in this pass. `undefined` when no token was replaced.
 */
function replaceKnownTokens(text: string, scope: VariableScope): string | undefined {
  let result = ''
  let copied = 0
  let open = text.indexOf('{{')
  while (open >= 0) {
    let close = open + 2
    for (; close < text.length; close++) {
      const code = text.charCodeAt(close)
      if (code === OPEN_BRACE || code === CLOSE_BRACE) break
    }
    if (text.charCodeAt(close) !== CLOSE_BRACE || text.charCodeAt(close + 1) !== CLOSE_BRACE) {
      open = text.indexOf('{{', open + 1)
      continue
    }
    const value = scope.get(text.slice(open + 2, close))
    if (value !== undefined) {
      result += text.slice(copied, open) + value
      copied = close + 2
    }
    open = text.indexOf('{{', close + 2)
  }
  return copied === 0 ? undefined : result + text.slice(copied)
}

/** Builds one scope from layers, later layers winning. */
export function mergeScopes(...layers: Array<Iterable<[string, string]>>): Map<string, string> {
  const scope = new Map<string, string>()
  for (const layer of layers) for (const [key, value] of layer) scope.set(key, value)
  return scope
}

/** The whole-segment wildcard form `{{name}}` (a name without braces); returns the name or undefined. */
export function wildcardName(segment: string): string | undefined {
  const end = segment.length - 2
  if (end < 3 || !segment.startsWith('{{') || !segment.endsWith('}}')) return undefined
  for (let i = 2; i < end; i++) {
    const code = segment.charCodeAt(i)
    if (code === OPEN_BRACE || code === CLOSE_BRACE) return undefined
  }
  return segment.slice(2, end)
}

/** Turns a variable's value (any JSON type) into the text Postman substitutes. */
export function variableText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
