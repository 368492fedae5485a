import type { Example } from '../collection/example.js'

/** Headers the mock consumes itself; they are never matched against examples. */
export function isControlHeader(name: string): boolean {
  return name.startsWith('x-mock-') || name === 'x-api-key'
}

/** An HTTP header name (RFC 9110 token); anything else cannot be a header and is ignored. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/

/** Reads `x-mock-match-request-headers` (or the configured list) into lower-cased header names. */
export function headerNames(list: string | readonly string[] | undefined): string[] {
  if (list === undefined) return []
  const names = typeof list === 'string' ? list.split(',') : list
  return names
    .map((name) => name.trim().toLowerCase())
    .filter((name) => HEADER_NAME.test(name) && !isControlHeader(name))
}

/** The first listed header the example fails on, or `undefined` when it passes the header filter. */
export function headerMismatch(
  headers: Headers,
  example: Example,
  names: readonly string[],
): string | undefined {
  for (const name of names) {
    const saved = example.headers.get(name)
    const actual = headers.get(name)
    if (saved === undefined) return `${name} (not in the saved request)`
    if (actual === null || actual.toLowerCase() !== saved.toLowerCase()) return `${name} (saved "${saved}")`
  }
  return undefined
}
