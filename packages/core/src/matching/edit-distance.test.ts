import { describe, expect, it } from 'vitest'
import { createRandom } from '../render/random.js'
import { boundedLevenshtein, levenshtein } from './edit-distance.js'
import { randomPair } from './random-strings.test-support.js'

describe('levenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3)
    expect(levenshtein('', 'abc')).toBe(3)
    expect(levenshtein('carolyne', 'caroline')).toBe(1)
  })
})

describe('boundedLevenshtein', () => {
  it('gives the distance up to the limit, and limit + 1 beyond it', () => {
    expect(boundedLevenshtein('kitten', 'sitting', 3)).toBe(3)
    expect(boundedLevenshtein('kitten', 'sitting', 2)).toBe(3)
    expect(boundedLevenshtein('kitten', 'sitting', 0)).toBe(1)
    expect(boundedLevenshtein('same', 'same', 0)).toBe(0)
    expect(boundedLevenshtein('', 'abc', 5)).toBe(3)
    expect(boundedLevenshtein('abc', '', 1)).toBe(2)
  })

  it('answers from the lengths alone when they differ by more than the limit', () => {
    const long = 'x'.repeat(10 * 1024 * 1024)
    const started = performance.now()
    for (let i = 0; i < 1000; i++) expect(boundedLevenshtein(long, 'users', 100)).toBe(101)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('property: equals min(levenshtein, limit + 1) for random pairs and limits', () => {
    const random = createRandom(20_240_901)
    for (let run = 0; run < 20_000; run++) {
      const [a, b] = randomPair(random, 24)
      const limit = random.int(0, 19)
      const expected = Math.min(levenshtein(a, b), limit + 1)
      if (boundedLevenshtein(a, b, limit) !== expected) {
        expect({ a, b, limit, got: boundedLevenshtein(a, b, limit) }).toEqual({ a, b, limit, got: expected })
      }
    }
  })

  it('property: equals the reference on long strings with many edits', () => {
    const random = createRandom(7)
    for (let run = 0; run < 60; run++) {
      const [a, b] = randomPair(random, 600)
      const limit = random.int(0, 299)
      expect(boundedLevenshtein(a, b, limit)).toBe(Math.min(levenshtein(a, b), limit + 1))
    }
  })
})
