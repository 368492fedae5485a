/** A content-derived example id: the same content always gives the same id (no Node crypto, runs in browsers). */

/** One 32-bit lane of a multiply-xorshift string hash (murmur3's finaliser over the UTF-16 units). */
function lane(text: string, seed: number): number {
  let h = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995)
    h ^= h >>> 15
  }
  h ^= text.length
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

const SEEDS = [0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x6a09e667]

function hex(value: number): string {
  return value.toString(16).padStart(8, '0')
}

/**
 * A UUID-shaped id (version nibble 8, "custom") hashed from `text`: stable across runs, machines
 * and workers, so re-recording the same answer gives the same id.
 *
 * @example
 * contentId('GET /users/42 200 {"id":42}') === contentId('GET /users/42 200 {"id":42}') // true
 */
export function contentId(text: string): string {
  const [a, b, c, d] = SEEDS.map((seed) => hex(lane(text, seed))) as [string, string, string, string]
  const variant = ((Number.parseInt(c.slice(0, 1), 16) & 0x3) | 0x8).toString(16)
  return `${a}-${b.slice(0, 4)}-8${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`
}
