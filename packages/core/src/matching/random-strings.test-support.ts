/** Seeded random strings for the property tests of the edit distance (reproducible, no dependency). */

import type { RandomSource } from '../render/random.js'

/** Letters of small alphabets (so that random strings are often alike), with case and non-ASCII forms. */
const LETTERS = 'abcAB-İiΣσς0'

function randomString(random: RandomSource, maxLength: number, alphabet: number): string {
  let text = ''
  const length = random.int(0, maxLength)
  for (let i = 0; i < length; i++) text += LETTERS[random.int(0, alphabet - 1)]
  return text
}

/** A copy of `text` with a few random insertions, deletions and substitutions. */
function edited(random: RandomSource, text: string, alphabet: number): string {
  const chars = [...text]
  const edits = random.int(0, Math.floor(chars.length / 2) + 1)
  for (let i = 0; i < edits; i++) {
    const at = random.int(0, chars.length)
    const letter = LETTERS[random.int(0, alphabet - 1)]!
    const kind = random.int(0, 2)
    if (kind === 0) chars.splice(at, 0, letter)
    else if (kind === 1) chars.splice(at, 1)
    else chars[at] = letter
  }
  return chars.join('')
}

/**
 * Two random strings of up to `maxLength` characters: unrelated, equal, or one an edited copy of the
 * other (the pairs near the 75 % threshold that matter most).
 *
 * @example
 * const [a, b] = randomPair(createRandom(1), 20)
 */
export function randomPair(random: RandomSource, maxLength: number): [string, string] {
  const alphabet = random.int(1, LETTERS.length)
  const a = randomString(random, maxLength, alphabet)
  const kind = random.int(0, 3)
  if (kind === 0) return [a, randomString(random, maxLength, alphabet)]
  if (kind === 1) return [a, a]
  return random.next() < 0.5 ? [a, edited(random, a, alphabet)] : [edited(random, a, alphabet), a]
}
