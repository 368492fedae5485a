import type { Example } from '../collection/example.js'
import type { TieBreak } from '../glossary.js'

function byId(a: Example, b: Example): number {
  const left = a.info.id
  const right = b.info.id
  if (left === undefined || right === undefined) return a.order - b.order
  return left < right ? -1 : left > right ? 1 : a.order - b.order
}

/**
 * Picks one of several equally good examples. Postman's current rule: sort by id, take the first whose
 * code is 200, else the first (spec §3.8). Examples without ids keep collection order.
 */
export function breakTie(tied: readonly Example[], rule: TieBreak = 'id-prefer-200'): Example {
  if (tied.length === 1) return tied[0]!
  switch (rule) {
    case 'collection-order':
      return [...tied].sort((a, b) => a.order - b.order)[0]!
    case 'last-lexicographic':
      return [...tied].sort(byId).at(-1)!
    case 'prefer-2xx': {
      const sorted = [...tied].sort(byId)
      return sorted.find((e) => e.response.code >= 200 && e.response.code < 300) ?? sorted[0]!
    }
    default: {
      const sorted = [...tied].sort(byId)
      return sorted.find((e) => e.response.code === 200) ?? sorted[0]!
    }
  }
}
