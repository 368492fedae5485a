import { isAsciiLetter, isDigit } from './char-codes.js'
import type { RawKeyValue, RawUrl } from './raw-types.js'
import { nameText, variableText } from './value-text.js'
import type { VariableScope } from './variable-scope.js'
import { substitute } from './variables.js'

/** The parts of a saved URL that matching uses. */
export interface ResolvedUrl {
  /** The decoded path, always starting with `/`. */
  path: string
  /** Enabled query pairs, decoded. */
  query: Array<[string, string]>
}

const COLON = 58
const PLUS = 43
const MINUS = 45
const DOT = 46

/** The length of a leading `scheme://` (an ASCII letter, then letters, digits, `+`, `-` or `.`), else 0. */
function schemeLength(text: string): number {
  if (!isAsciiLetter(text.charCodeAt(0))) return 0
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === COLON) return text.startsWith('//', i + 1) ? i + 3 : 0
    if (!isAsciiLetter(code) && !isDigit(code) && code !== PLUS && code !== MINUS && code !== DOT) return 0
  }
  return 0
}

/** Decodes a URI component, keeping the text as it is when it is not valid percent-encoding. */
export function safeDecode(text: string): string {
  if (!text.includes('%')) return text
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Splits a raw URL (variables already substituted) into host-less path and query string. */
export function splitRawUrl(raw: string): { path: string; search: string } {
  let text = raw.trim()
  const hash = text.indexOf('#')
  if (hash >= 0) text = text.slice(0, hash)
  const q = text.indexOf('?')
  const search = q >= 0 ? text.slice(q + 1) : ''
  if (q >= 0) text = text.slice(0, q)
  const scheme = schemeLength(text)
  if (scheme) text = text.slice(scheme)
  else if (text.startsWith('/')) return { path: text, search }
  // Postman reads the first part of a scheme-less URL as the host (`{{baseUrl}}/users` → `/users`).
  const slash = text.indexOf('/')
  const path = slash >= 0 ? text.slice(slash) : '/'
  return { path: path || '/', search }
}

/** Parses a query string the way a server would (`+` is a space), keeping repeated keys. */
export function parseQueryString(search: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  if (!search) return pairs
  for (const part of search.split('&')) {
    if (!part) continue
    const eq = part.indexOf('=')
    const key = eq >= 0 ? part.slice(0, eq) : part
    const value = eq >= 0 ? part.slice(eq + 1) : ''
    pairs.push([safeDecode(key.replace(/\+/g, ' ')), safeDecode(value.replace(/\+/g, ' '))])
  }
  return pairs
}

/** A part of a URL object (`host`, `port`, a path segment): strings and numbers as written, else nothing. */
function partText(value: unknown): string {
  return nameText(value) ?? ''
}

/** Joins `url.path` segments (strings or `{ value }` objects) with `/`, as `Array#join` would. */
function joinSegments(segments: readonly unknown[]): string {
  let path = ''
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]
    const text =
      segment !== null && typeof segment === 'object'
        ? partText((segment as { value?: unknown }).value)
        : partText(segment)
    path += i === 0 ? text : `/${text}`
  }
  return path
}

function joinHost(host: readonly unknown[]): string {
  let text = ''
  for (let i = 0; i < host.length; i++) text += i === 0 ? partText(host[i]) : `.${partText(host[i])}`
  return text
}

function rebuildRaw(url: RawUrl): string {
  const host = Array.isArray(url.host) ? joinHost(url.host) : partText(url.host)
  const path = Array.isArray(url.path) ? joinSegments(url.path) : partText(url.path)
  const protocol = partText(url.protocol)
  const port = partText(url.port)
  return `${protocol ? `${protocol}://` : ''}${host}${port ? `:${port}` : ''}${path.startsWith('/') || !path ? '' : '/'}${path}`
}

function isEnabled(entry: RawKeyValue): boolean {
  return entry.disabled !== true && entry.enabled !== false
}

/**
 * Replaces `/:name` path variables by their saved values, before any `{{variable}}` is substituted (as
 * Postman's SDK does: a value of `{{id}}` becomes the segment `{{id}}`, then resolves or stays a
 * wildcard). Empty values keep the `:name` segment; `.ext` suffixes are kept.
 */
function fillPathVariables(raw: string, variables: unknown): string {
  if (!Array.isArray(variables) || variables.length === 0 || !raw.includes('/:')) return raw
  const values = new Map<string, string>()
  for (const variable of variables as Array<RawKeyValue | null>) {
    if (!variable || typeof variable.key !== 'string') continue
    const value = variableText(variable.value)
    if (value !== '') values.set(variable.key, value)
  }
  return raw.replace(/\/:([A-Za-z0-9_$-]+)(?=[/.?#]|$)/g, (segment, name: string) => {
    const value = values.get(name)
    return value === undefined ? segment : `/${value}`
  })
}

/**
 * Resolves a saved URL as Postman's mock does: substitute variables into the raw URL, then parse it,
 * so a variable may contribute path segments; the host is ignored.
 */
export function resolveUrl(url: string | RawUrl | undefined, scope: VariableScope): ResolvedUrl {
  if (url === undefined || url === null) return { path: '/', query: [] }
  const object = typeof url === 'string' ? undefined : url
  const raw = typeof url === 'string' ? url : typeof url.raw === 'string' ? url.raw : rebuildRaw(url)
  const { path: rawPath, search } = splitRawUrl(substitute(fillPathVariables(raw, object?.variable), scope))
  const path = rawPath.includes('%')
    ? rawPath
        .split('/')
        .map((segment) => safeDecode(segment))
        .join('/')
    : rawPath
  let query: Array<[string, string]>
  if (object && Array.isArray(object.query)) {
    query = []
    for (const entry of object.query) {
      if (!entry || typeof entry.key !== 'string' || !isEnabled(entry)) continue
      query.push([
        safeDecode(substitute(entry.key, scope)),
        safeDecode(substitute(variableText(entry.value), scope)),
      ])
    }
  } else {
    query = parseQueryString(search)
  }
  return { path: path.startsWith('/') ? path : `/${path}`, query }
}
