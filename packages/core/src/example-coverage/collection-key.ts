import type { ExampleInfo } from '../glossary.js'

/** FNV-1a over UTF-16 code units, with a given offset basis: 32 bits as 8 hex digits. */
function fnv1a(text: string, basis: number): string {
  let hash = basis
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/**
 * The content key of a collection in coverage reports: a hash of its examples (location, method,
 * path, query, code, name), so that two workers' fragments of the same collection merge, and a
 * changed collection under the same name does not.
 *
 * @example
 * const key = collectionKey(createPostmanMock(collection).examples) // e.g. '9f3c01aa5e2b7d10'
 */
export function collectionKey(examples: readonly ExampleInfo[]): string {
  const text = examples
    .map((e) => [e.location, e.method, e.path, e.query, e.code, e.name].join('\u0000'))
    .join('\u0001')
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x01000193)
}
