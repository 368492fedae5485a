import { postmockError } from '../messages.js'

/** A source of random numbers; seeded sources repeat the same sequence for the same seed. */
export interface RandomSource {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
}

/**
 * Creates a random source. With a seed it is mulberry32 (fast, 32-bit state, repeatable across
 * platforms); without one it uses `Math.random`.
 *
 * @param seed any finite number; it is reduced to an unsigned 32-bit integer (`seed >>> 0`).
 * @example
 * const a = createRandom(42)
 * const b = createRandom(42)
 * a.int(0, 1000) === b.int(0, 1000) // true
 */
export function createRandom(seed?: number): RandomSource {
  if (seed !== undefined && !Number.isFinite(seed)) {
    throw postmockError(
      'INVALID_OPTION',
      'create the random source',
      `the seed must be a finite number, got ${String(seed)}`,
      'Pass an integer such as 42 as the seed, or leave it out for fresh values on every run',
      'seed',
    )
  }
  const next = seed === undefined ? Math.random : mulberry32(seed)
  return {
    next,
    int(min: number, max: number): number {
      const low = Math.ceil(min)
      const high = Math.floor(max)
      if (high <= low) return low
      return low + Math.floor(next() * (high - low + 1))
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() needs at least one item')
      return items[Math.floor(next() * items.length)] as T
    },
  }
}

/** mulberry32 by Tommy Ettinger (public domain): one 32-bit word of state, period 2^32. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
