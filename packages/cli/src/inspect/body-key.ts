/** Sorts object keys so that two JSON bodies that differ only in spacing or key order compare equal. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

interface RawBody {
  mode?: string
  raw?: unknown
  urlencoded?: Array<{ key?: string; value?: unknown; disabled?: boolean }>
  formdata?: Array<{ key?: string; value?: unknown; src?: unknown; disabled?: boolean }>
  graphql?: { query?: unknown; variables?: unknown }
}

/** A media type core compares as JSON: `application/json` or `…+json`, any parameters. */
function isJsonType(value: unknown): boolean {
  if (typeof value !== 'string') return false
  const type = value.split(';')[0]!.trim().toLowerCase()
  return type === 'application/json' || type.endsWith('+json')
}

/**
 * Whether a saved request's headers (a list of `{key, value, disabled}` or `Key: value` lines) declare a
 * JSON body: only then does core compare its body as JSON (spec §3.7).
 *
 * @example
 * hasJsonContentType([{ key: 'Content-Type', value: 'application/json; charset=utf-8' }]) // true
 * hasJsonContentType('Accept: application/json') // false
 */
export function hasJsonContentType(headers: unknown): boolean {
  if (typeof headers === 'string') {
    return headers
      .split('\n')
      .some((line) => /^\s*content-type\s*:/i.test(line) && isJsonType(line.slice(line.indexOf(':') + 1)))
  }
  if (!Array.isArray(headers)) return false
  return headers.some(
    (header: { key?: unknown; value?: unknown; disabled?: unknown } | null) =>
      !!header &&
      header.disabled !== true &&
      typeof header.key === 'string' &&
      header.key.trim().toLowerCase() === 'content-type' &&
      isJsonType(header.value),
  )
}

/**
 * A comparable key for a saved request body: two examples with the same key get the same body
 * score from every request. A raw body is compared by its JSON value when the saved request declares
 * JSON (`json`), else by its text, as core does.
 *
 * @example
 * bodyKey({ mode: 'raw', raw: '{"b": 1, "a": 2}' }, true) // 'json:{"a":2,"b":1}'
 * bodyKey({ mode: 'raw', raw: '{"b": 1, "a": 2}' }, false) // 'raw:{"b": 1, "a": 2}'
 */
export function bodyKey(body: unknown, json: boolean): string {
  if (!body || typeof body !== 'object')
    return typeof body === 'string' ? bodyKey({ mode: 'raw', raw: body }, json) : ''
  const b = body as RawBody
  switch (b.mode) {
    case 'raw': {
      const raw = typeof b.raw === 'string' ? b.raw.trim() : ''
      if (raw === '') return ''
      if (!json) return `raw:${raw}`
      try {
        return `json:${canonicalJson(JSON.parse(raw))}`
      } catch {
        return `raw:${raw}`
      }
    }
    case 'urlencoded':
    case 'formdata': {
      const pairs = (b[b.mode] ?? [])
        .filter((pair) => !pair.disabled)
        .map((pair) => `${pair.key ?? ''}=${String(pair.value ?? '')}`)
        .sort()
      return pairs.length ? `${b.mode}:${pairs.join('&')}` : ''
    }
    case 'graphql':
      return `graphql:${String(b.graphql?.query ?? '')
        .replace(/\s+/g, ' ')
        .trim()}|${canonicalJson(b.graphql?.variables ?? null)}`
    default:
      return ''
  }
}

/** Follows a JSON path such as `item[0].item[2].response[1]` in a parsed collection. */
export function atJsonPath(root: unknown, path: string): unknown {
  let node: unknown = root
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (node === null || typeof node !== 'object') return undefined
    const key = match[1] ?? Number(match[2])
    node = (node as Record<string | number, unknown>)[key]
  }
  return node
}
