import { boundedLevenshtein, levenshtein } from './edit-distance.js'
import type { PathForms } from './path-steps.js'

/** The minimum per-segment similarity for the document-distance step (spec §12 item 7). */
export const DISTANCE_THRESHOLD = 0.75

/**
 * Similarity of two strings in [0, 1]: (longest − distance) / longest, with no bound on the work. The
 * reference for {@link similarEnough} and {@link closeness}.
 *
 * @example
 * similarity('carolyne', 'caroline') // 0.875
 */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length)
  if (longest === 0) return 1
  return (longest - levenshtein(a, b)) / longest
}

/**
 * The largest distance at which two strings, the longer of `longest` characters, are still `threshold`
 * similar: the same comparison as `(longest − distance) / longest >= threshold`, in the same arithmetic.
 */
function allowedDistance(longest: number, threshold: number): number {
  let distance = Math.max(0, Math.floor(longest * (1 - threshold)))
  while (distance < longest && (longest - (distance + 1)) / longest >= threshold) distance++
  while (distance >= 0 && (longest - distance) / longest < threshold) distance--
  return distance
}

/**
 * Whether two segments are at least {@link DISTANCE_THRESHOLD} similar: the same answer as
 * `similarity(a, b) >= DISTANCE_THRESHOLD`, with the work bounded. Lengths alone decide when they differ
 * by more than a quarter of the longer one; otherwise the distance is computed in the band the threshold
 * allows and stops as soon as it exceeds it.
 *
 * @example
 * similarEnough('carolyne', 'caroline') // true
 * similarEnough('x'.repeat(16_384), 'users') // false, from the lengths alone
 */
export function similarEnough(a: string, b: string): boolean {
  if (a === b) return true
  const longest = Math.max(a.length, b.length)
  const limit = allowedDistance(longest, DISTANCE_THRESHOLD)
  if (longest - Math.min(a.length, b.length) > limit) return false
  return boundedLevenshtein(a, b, limit) <= limit
}

/** How many table cells {@link closeness} computes at most for one pair of paths. */
const CLOSENESS_CELLS = 1 << 16

/**
 * A distance no smaller than the real one, in one pass: the strings aligned at the start or at the end,
 * each differing character and each extra one counted.
 */
function alignedDistance(a: string, b: string): number {
  const shortest = Math.min(a.length, b.length)
  const shift = Math.abs(a.length - b.length)
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  let fromStart = 0
  let fromEnd = 0
  for (let i = 0; i < shortest; i++) {
    if (short.charCodeAt(i) !== long.charCodeAt(i)) fromStart++
    if (short.charCodeAt(i) !== long.charCodeAt(i + shift)) fromEnd++
  }
  return shift + Math.min(fromStart, fromEnd)
}

/**
 * How close two paths are, for ordering the examples a report lists: {@link similarity}, exactly
 * whenever the table fits in {@link CLOSENESS_CELLS} cells (any two paths of up to 256 characters) or the
 * distance fits in the band those cells allow; otherwise the similarity of the strings aligned at one end
 * (never more than the real one). A huge path costs one pass over the shorter path, not a table.
 *
 * @example
 * closeness('/users/carol', '/users/carolyne') // 0.8
 */
export function closeness(a: string, b: string): number {
  const longest = Math.max(a.length, b.length)
  if (longest === 0) return 1
  const shortest = Math.min(a.length, b.length)
  if (shortest * longest <= CLOSENESS_CELLS) return (longest - boundedLevenshtein(a, b, longest)) / longest
  const limit = Math.floor((CLOSENESS_CELLS / shortest - 1) / 2)
  const distance = longest - shortest > limit ? limit + 1 : boundedLevenshtein(a, b, limit)
  return (longest - (distance <= limit ? distance : alignedDistance(a, b))) / longest
}

/** Each path's segments, lower-cased once (a saved path's for as long as its example lives). */
const lowered = new WeakMap<PathForms, string[]>()

function lowerSegments(forms: PathForms): string[] {
  let segments = lowered.get(forms)
  if (!segments) {
    segments = forms.segments.map((segment) => segment.toLowerCase())
    lowered.set(forms, segments)
  }
  return segments
}

/** Segments at least this long are compared after the shorter ones (which usually decide first). */
const LONG_SEGMENT = 256

/**
 * The document-distance step (spec §3.5 step 8): the same number of segments, each at least
 * {@link DISTANCE_THRESHOLD} similar, ignoring case. Every length is checked before any distance is
 * computed, and short segments are compared before long ones, so the cheapest difference ends the
 * comparison.
 *
 * @example
 * similarPaths(pathForms('/employees/caroline'), pathForms('/employees/carolyne')) // true
 */
export function similarPaths(request: PathForms, saved: PathForms): boolean {
  if (request.segments.length !== saved.segments.length) return false
  const left = lowerSegments(request)
  const right = lowerSegments(saved)
  let long = false
  for (let i = 0; i < left.length; i++) {
    const a = left[i]!.length
    const b = right[i]!.length
    const longest = Math.max(a, b)
    if (longest - Math.min(a, b) > allowedDistance(longest, DISTANCE_THRESHOLD)) return false
    if (longest >= LONG_SEGMENT) long = true
  }
  for (let i = 0; i < left.length; i++) {
    const a = left[i]!
    const b = right[i]!
    if (a.length < LONG_SEGMENT && b.length < LONG_SEGMENT && !similarEnough(a, b)) return false
  }
  if (long) {
    for (let i = 0; i < left.length; i++) {
      const a = left[i]!
      const b = right[i]!
      if ((a.length >= LONG_SEGMENT || b.length >= LONG_SEGMENT) && !similarEnough(a, b)) return false
    }
  }
  return true
}
