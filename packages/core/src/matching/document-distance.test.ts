import { describe, expect, it } from 'vitest'
import { createRandom } from '../render/random.js'
import {
  closeness,
  DISTANCE_THRESHOLD,
  similarEnough,
  similarity,
  similarPaths,
} from './document-distance.js'
import { boundedLevenshtein } from './edit-distance.js'
import { pathForms } from './path-steps.js'
import { randomPair } from './random-strings.test-support.js'

/** The document-distance step as it was, with no bound on the work: the reference. */
function unboundedSimilarPaths(request: string, saved: string): boolean {
  const a = request.slice(1).split('/')
  const b = saved.slice(1).split('/')
  if (a.length !== b.length) return false
  return a.every((segment, i) => similarity(segment.toLowerCase(), b[i]!.toLowerCase()) >= DISTANCE_THRESHOLD)
}

/** The similarity the bounded distance gives: exact whenever it is at least 75 %. */
function boundedSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length)
  if (longest === 0) return 1
  const limit = Math.floor(longest / 4)
  return (longest - boundedLevenshtein(a, b, limit)) / longest
}

describe('similarEnough', () => {
  it('keeps the 75 % rule', () => {
    expect(similarEnough('carolyne', 'caroline')).toBe(true)
    expect(similarEnough('caroline', 'johnson')).toBe(false)
    expect(similarEnough('abcd', 'abce')).toBe(true) // 3/4: exactly 75 %
    expect(similarEnough('abc', 'abd')).toBe(false) // 2/3
    expect(similarEnough('', '')).toBe(true)
  })

  it('property: the bounded similarity equals the unbounded one wherever either says ≥ 75 %', () => {
    const random = createRandom(75)
    let similar = 0
    for (let run = 0; run < 30_000; run++) {
      const [a, b] = randomPair(random, 20)
      const exact = similarity(a, b)
      const bounded = boundedSimilarity(a, b)
      if (exact >= DISTANCE_THRESHOLD || bounded >= DISTANCE_THRESHOLD) {
        similar++
        if (bounded !== exact) expect({ a, b, bounded }).toEqual({ a, b, bounded: exact })
      }
      if (similarEnough(a, b) !== exact >= DISTANCE_THRESHOLD)
        expect({ a, b, similarEnough: similarEnough(a, b) }).toEqual({
          a,
          b,
          similarEnough: !similarEnough(a, b),
        })
    }
    expect(similar).toBeGreaterThan(5_000) // the run reaches the threshold often
  })

  it('property: the same on long segments (a long segment is an ID, but the step still compares it)', () => {
    const random = createRandom(256)
    for (let run = 0; run < 80; run++) {
      const [a, b] = randomPair(random, 700)
      expect(similarEnough(a, b)).toBe(similarity(a, b) >= DISTANCE_THRESHOLD)
    }
  })
})

describe('similarPaths', () => {
  it('property: answers as the unbounded step on random paths (case, non-ASCII, segment counts)', () => {
    const random = createRandom(8)
    for (let run = 0; run < 10_000; run++) {
      const segments = random.int(1, 3)
      const left: string[] = []
      const right: string[] = []
      for (let i = 0; i < segments; i++) {
        const [a, b] = randomPair(random, 12)
        left.push(a)
        right.push(b)
      }
      if (random.next() < 0.1) right.push('extra')
      const request = `/${left.join('/')}`
      const saved = `/${right.join('/')}`
      const got = similarPaths(pathForms(request), pathForms(saved))
      if (got !== unboundedSimilarPaths(request, saved))
        expect({ request, saved, got }).toEqual({ request, saved, got: !got })
    }
  })

  it('decides a 16 KB segment against a short one from the lengths', () => {
    const request = pathForms(`/${'x'.repeat(16 * 1024)}`)
    const started = performance.now()
    for (let i = 0; i < 1000; i++) expect(similarPaths(request, pathForms(`/segment-${i}`))).toBe(false)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('closeness', () => {
  it('is the similarity for paths of up to 256 characters', () => {
    const random = createRandom(3)
    for (let run = 0; run < 400; run++) {
      const [a, b] = randomPair(random, 256)
      expect(closeness(a, b)).toBe(similarity(a, b))
    }
  })

  it('costs little for a huge path, and ranks nearer paths higher', () => {
    const huge = `/${'y'.repeat(10 * 1024 * 1024)}`
    const started = performance.now()
    expect(closeness('/orders', huge)).toBeLessThan(0.001)
    expect(performance.now() - started).toBeLessThan(200)
    const request = `/${'a'.repeat(4000)}`
    expect(closeness(request, `/${'a'.repeat(3990)}`)).toBeGreaterThan(
      closeness(request, `/${'b'.repeat(4000)}`),
    )
  })
})
