import type { ExampleInfo } from '@postmock/core'
import { describe, expect, it } from 'vitest'
import { analyse } from './analyse.js'

const COUNT = 40_000
/** Generous for a shared 2-core machine: the quadratic version took 10+ s (distinct paths) and minutes (one path). */
const CAP_MS = 3_000

function okExample(i: number, path: string): ExampleInfo {
  return {
    request: `Request ${i}`,
    folders: [],
    method: 'GET',
    path,
    query: '',
    code: i % 10 === 0 ? 404 : 200,
    name: 'OK',
    id: `id-${String(i).padStart(6, '0')}`,
    uid: undefined,
    location: `item[${i}].response[0]`,
  }
}

function timed(examples: ExampleInfo[]): { ms: number; result: ReturnType<typeof analyse> } {
  const started = performance.now()
  const result = analyse(examples, [], () => '')
  return { ms: performance.now() - started, result }
}

describe(`analyse with ${COUNT} examples named "OK"`, () => {
  it('on distinct paths: one duplicate-name warning, near-linear time', () => {
    const { ms, result } = timed(Array.from({ length: COUNT }, (_, i) => okExample(i, `/items/${i}`)))
    expect(result.warnings.map((w) => [w.kind, w.paths.length])).toEqual([['duplicate-name', COUNT]])
    expect(ms).toBeLessThan(CAP_MS)
  })

  it('on one path: the tie rule per code computed once, near-linear time', () => {
    const { ms, result } = timed(Array.from({ length: COUNT }, (_, i) => okExample(i, '/items')))
    const chosenBy = new Map<string, number>()
    for (const row of result.examples) chosenBy.set(row.chosenBy, (chosenBy.get(row.chosenBy) ?? 0) + 1)
    // id-000001 (200) wins the tie; id-000000 (the first 404) is reached with x-mock-response-code: 404.
    expect(Object.fromEntries(chosenBy)).toEqual({
      matching: 1,
      'x-mock-response-code': 1,
      'name-or-id': COUNT - 2,
    })
    expect(ms).toBeLessThan(CAP_MS)
  })
})
