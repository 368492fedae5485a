/**
 * Levenshtein distance: the unbounded reference, and a bounded form whose work is capped by the
 * largest distance the caller cares about.
 */

/**
 * Levenshtein distance between two strings (UTF-16 code units), with no bound on the work: O(|a| × |b|).
 * The reference the bounded form is checked against; the matcher uses {@link boundedLevenshtein}.
 *
 * @example
 * levenshtein('carolyne', 'caroline') // 1
 */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0
  if (!a.length) return b.length
  if (!b.length) return a.length
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return previous[b.length]!
}

/** One row of the table, reused between calls up to this length (longer rows are not kept). */
const KEPT_ROW = 4096
const sharedRow = new Int32Array(KEPT_ROW)

/**
 * Levenshtein distance when it is at most `limit`, otherwise `limit + 1`. Equal to
 * `Math.min(levenshtein(a, b), limit + 1)`, but the work is bounded by the limit: a length difference
 * above it answers at once, a common prefix and suffix are skipped, and each row of the table is computed
 * only where a cell can still lie on a path of cost ≤ `limit` (its value plus the length difference left
 * to the end; Ukkonen's cut-off), which keeps to the diagonal band of width `2 × limit + 1` and narrows as
 * the distance grows; the computation stops at the first row with no such cell. At most
 * O(min(|a|, |b|) × (2 × limit + 1)) steps, far fewer for strings that are not alike.
 *
 * @example
 * boundedLevenshtein('kitten', 'sitting', 3) // 3
 * boundedLevenshtein('kitten', 'sitting', 1) // 2: more than 1
 * boundedLevenshtein('a'.repeat(16_384), 'ab', 10) // 11, without computing anything
 */
export function boundedLevenshtein(a: string, b: string, limit: number): number {
  const over = limit + 1
  if (!(limit >= 0)) return a === b ? 0 : over
  // `s` is the shorter string, `t` the longer.
  let s = a
  let t = b
  if (s.length > t.length) {
    s = b
    t = a
  }
  if (t.length - s.length > limit) return over
  let start = 0
  let sEnd = s.length
  let tEnd = t.length
  while (start < sEnd && s.charCodeAt(start) === t.charCodeAt(start)) start++
  while (sEnd > start && s.charCodeAt(sEnd - 1) === t.charCodeAt(tEnd - 1)) {
    sEnd--
    tEnd--
  }
  const n = sEnd - start
  const m = tEnd - start
  // No distance exceeds the longer length: a larger limit changes nothing (and keeps the cells small).
  const band = limit < m ? Math.floor(limit) : m
  if (n === 0) return m <= band ? m : over
  const cap = band + 1
  const row = m + 2 <= KEPT_ROW ? sharedRow : new Int32Array(m + 2)
  // A cell (i, j) is alive when its value plus |(m − j) − (n − i)| (the cost still due) is ≤ band.
  // Row 0 holds D(0, j) = j; `first`..`last` is the alive range of the row just computed.
  let first = -1
  let last = -1
  for (let j = 0; j <= m && j <= band; j++) {
    row[j] = j
    if (j + Math.abs(m - j - n) <= band) {
      if (first < 0) first = j
      last = j
    }
  }
  if (first < 0) return over
  let computedTo = Math.min(m, band)
  if (computedTo < m) row[computedTo + 1] = cap
  for (let i = 1; i <= n; i++) {
    const code = s.charCodeAt(start + i - 1)
    const low = Math.max(first, 1)
    // D(i, low − 1): the first column is known (i); any other is outside the alive range.
    let left = low === 1 && i <= band ? i : cap
    let diagonal = row[low - 1]!
    row[low - 1] = left
    let nextFirst = low === 1 && left + Math.abs(m - n + i) <= band ? 0 : -1
    let nextLast = nextFirst
    let j = low
    // Columns fed by the previous row's alive range (one past it reads the sentinel `cap`).
    const fed = Math.min(last + 1, m)
    for (; j <= fed; j++) {
      const up = row[j]!
      let value = diagonal + (code === t.charCodeAt(start + j - 1) ? 0 : 1)
      if (up + 1 < value) value = up + 1
      if (left + 1 < value) value = left + 1
      if (value > cap) value = cap
      diagonal = up
      row[j] = value
      left = value
      if (value + Math.abs(m - j - n + i) <= band) {
        if (nextFirst < 0) nextFirst = j
        nextLast = j
      }
    }
    // Beyond, only the cell to the left feeds a cell; once one is dead, the rest of the row is too.
    for (; j <= m && left + 1 + Math.abs(m - j - n + i) <= band; j++) {
      left += 1
      row[j] = left
      if (nextFirst < 0) nextFirst = j
      nextLast = j
    }
    computedTo = j - 1
    if (computedTo < m) row[computedTo + 1] = cap
    if (nextFirst < 0) return over
    first = nextFirst
    last = nextLast
  }
  return last === m ? row[m]! : over
}
