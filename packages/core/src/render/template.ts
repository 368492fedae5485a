import type { IncomingRequest } from '../matching/incoming.js'
import { segmentsOf } from '../matching/path-steps.js'
import { jsonText } from './template-json.js'

/** What a response template can read (spec §4.3 and §7). */
export interface TemplateContext {
  incoming: IncomingRequest
  /** Values captured by `{{var}}` path segments and query values. */
  captures: Readonly<Record<string, string>>
  /** A fresh value per call for a dynamic variable (`$guid`, `$randomInt`…), or `undefined`. */
  dynamic: (name: string) => string | undefined
}

const HELPERS = ['body', 'queryParams', 'pathSegments', 'headers'] as const
type Helper = (typeof HELPERS)[number]

/** Tokens: template helpers with quoted arguments (a default may hold `{{…}}`), or plain `{{name}}`. */
const TEMPLATE_TOKEN =
  /\{\{(\$(?:body|queryParams|pathSegments|headers)(?:\s+'(?:[^'\\]|\\.)*')*\s*|[^{}]*?)\}\}/g
const ARGUMENT = /'((?:[^'\\]|\\.)*)'/g

/** Whether a text holds anything to render. */
export function hasTokens(text: string): boolean {
  return text.includes('{{')
}

/**
 * How deep a helper's default may hold another helper with a default. Deeper defaults are inserted as
 * written (no template nests this deep; the limit keeps rendering off the engine's stack limit).
 */
export const MAX_DEFAULT_DEPTH = 16

/**
 * Names of the dynamic variables (`$name`) a text uses, helpers excluded.
 *
 * @example
 * dynamicNames(`{"id":"{{$guid}}","n":"{{$body 'n' '{{$randomInt}}'}}"}`) // ['$guid', '$randomInt']
 */
export function dynamicNames(text: string, names: string[] = [], depth = 0): string[] {
  for (const match of text.matchAll(TEMPLATE_TOKEN)) {
    const content = match[1]!.trim()
    if (content.startsWith('$') && !isHelper(content)) names.push(content)
    if (depth < MAX_DEFAULT_DEPTH) {
      for (const argument of content.matchAll(ARGUMENT)) dynamicNames(argument[1]!, names, depth + 1)
    }
  }
  return names
}

function isHelper(content: string): boolean {
  const name = /^\$(\w+)/.exec(content)?.[1]
  return !!name && (HELPERS as readonly string[]).includes(name)
}

function splitObjectPath(path: string): string[] {
  const parts: string[] = []
  let current = ''
  for (let i = 0; i < path.length; i++) {
    const char = path[i]!
    if (char === '\\' && path[i + 1] === '.') {
      current += '.'
      i++
    } else if (char === '.') {
      parts.push(current)
      current = ''
    } else current += char
  }
  parts.push(current)
  return parts
}

/** The value at an object path, reading own keys only (`constructor` or `__proto__` is not in every body). */
function lookup(value: unknown, path: string): unknown {
  let current = value
  for (const key of splitObjectPath(path)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  return typeof value === 'string' ? value : jsonText(value)
}

function helperValue(helper: Helper, key: string | undefined, context: TemplateContext): string | undefined {
  const { incoming } = context
  switch (helper) {
    case 'body': {
      if (key === undefined) return incoming.body
      const json = incoming.json()
      return asText(json === undefined ? undefined : lookup(json, key))
    }
    case 'queryParams': {
      if (key === undefined) return JSON.stringify(Object.fromEntries(incoming.query))
      return incoming.query.find(([name]) => name === key)?.[1]
    }
    case 'pathSegments': {
      const segments = segmentsOf(incoming.path).filter((segment) => segment !== '')
      if (key === undefined) return JSON.stringify(segments)
      return /^\d+$/.test(key) ? segments[Number(key)] : undefined
    }
    case 'headers': {
      if (key === undefined) return JSON.stringify(Object.fromEntries(incoming.headers))
      try {
        return incoming.headers.get(key) ?? undefined
      } catch {
        return undefined // not a header name HTTP allows ('bad name'): no request can carry it
      }
    }
  }
}

/**
 * Renders a response template: wildcard captures, dynamic variables (a fresh value per token) and the
 * helpers `$body`, `$queryParams`, `$pathSegments`, `$headers`. Unknown tokens stay as they are; a name
 * is looked up among the request's own values only (`{{constructor}}` is not a capture).
 *
 * @example
 * renderTemplate('{"user":"{{userId}}"}', { incoming, captures: { userId: '42' }, dynamic: () => undefined })
 * // '{"user":"42"}'
 */
export function renderTemplate(text: string, context: TemplateContext, depth = 0): string {
  if (!hasTokens(text)) return text
  return text.replace(TEMPLATE_TOKEN, (token, raw: string) => {
    const content = raw.trim()
    if (!content.startsWith('$')) {
      const { captures } = context
      return Object.hasOwn(captures, content) ? (captures[content] ?? token) : token
    }
    const helper = /^\$(\w+)/.exec(content)![1]!
    if ((HELPERS as readonly string[]).includes(helper)) {
      const args = [...content.matchAll(ARGUMENT)].map((m) => m[1]!.replace(/\\'/g, "'"))
      const value = helperValue(helper as Helper, args[0], context)
      if (value !== undefined) return value
      if (args[1] === undefined) return ''
      return depth < MAX_DEFAULT_DEPTH ? renderTemplate(args[1], context, depth + 1) : args[1]
    }
    return context.dynamic(content) ?? token
  })
}
