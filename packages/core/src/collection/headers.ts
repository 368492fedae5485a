import type { RawKeyValue } from './raw-types.js'
import { variableText } from './value-text.js'
import type { VariableScope } from './variable-scope.js'
import { substitute } from './variables.js'

/** Reads a header list (array of `{key, value, disabled}` or a raw `Key: value` string) into pairs. */
export function readHeaderList(
  header: RawKeyValue[] | string | null | undefined,
  scope: VariableScope,
): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  if (typeof header === 'string') {
    for (const line of header.split(/\r?\n/)) {
      const colon = line.indexOf(':')
      if (colon <= 0) continue
      pairs.push([line.slice(0, colon).trim(), substitute(line.slice(colon + 1).trim(), scope)])
    }
    return pairs
  }
  if (!Array.isArray(header)) return pairs
  for (const entry of header) {
    if (!entry || typeof entry.key !== 'string' || entry.key === '') continue
    if (entry.disabled === true || entry.enabled === false) continue
    pairs.push([entry.key, substitute(variableText(entry.value), scope)])
  }
  return pairs
}

/** Shared by every saved request without headers (most of them in generated collections). */
const NO_HEADERS: ReadonlyMap<string, string> = new Map()

/** Lower-cases header names; the first value of a repeated name wins. */
export function headerMap(pairs: Array<[string, string]>): ReadonlyMap<string, string> {
  if (pairs.length === 0) return NO_HEADERS
  const map = new Map<string, string>()
  for (const [key, value] of pairs) {
    const name = key.toLowerCase()
    if (!map.has(name)) map.set(name, value)
  }
  return map
}
