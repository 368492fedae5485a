/**
 * Huge paths cost what small ones do (issue #9 item 2): the document-distance step and explain()'s
 * ordering bound their work, so a 16 KB request against 1,000 examples, or any request against a
 * collection holding a 10 MB path segment, answers within a cap that holds on a shared 2-core machine
 * (the median of several runs; the unbounded comparison took seconds).
 */
import { createPostmanMock, type PostmanMock } from '@postmock/core'
import { describe, expect, test } from 'vitest'

const MOCK = 'https://hostile.mock.pstmn.io'
const CAP_MS = 200
const RUNS = 5

/** A deterministic lower-case word of `length` letters. */
function word(seed: number, length: number): string {
  let state = (seed * 2_654_435_761) >>> 0
  const letters: string[] = []
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0
    letters.push(String.fromCharCode(97 + ((state >>> 16) % 26)))
  }
  return letters.join('')
}

function collectionOf(paths: string[]): unknown {
  return {
    info: { name: 'hostile', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: paths.map((path, i) => ({
      name: `request ${i}`,
      request: { method: 'GET', url: `https://api.example.com${path}` },
      response: [
        {
          id: `e${i}`,
          name: `example ${i}`,
          code: 200,
          originalRequest: { method: 'GET', url: `https://api.example.com${path}` },
          body: `{"example":${i}}`,
        },
      ],
    })),
  }
}

async function medianMs(run: () => Promise<unknown>): Promise<number> {
  await run() // warm-up: files the examples, compiles the code
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)[RUNS >> 1]!
}

async function costs(mock: PostmanMock, path: string): Promise<{ respond: number; explain: number }> {
  return {
    respond: await medianMs(() => mock.respond(new Request(`${MOCK}${path}`))),
    explain: await medianMs(() => mock.explain(new Request(`${MOCK}${path}`))),
  }
}

const SIXTEEN_KB = `/${word(1, 16 * 1024)}`

describe('a 16 KB request path against 1,000 one-segment examples', () => {
  test.each([12, 64])(
    'saved segments of %i characters: respond() and explain() stay flat',
    async (length) => {
      const mock = createPostmanMock(
        collectionOf(Array.from({ length: 1000 }, (_, i) => `/${word(i + 2, length)}`)),
      )
      const response = await mock.respond(new Request(`${MOCK}${SIXTEEN_KB}`))
      expect(response?.status).toBe(404)
      const { respond, explain } = await costs(mock, SIXTEEN_KB)
      expect(respond).toBeLessThan(CAP_MS)
      expect(explain).toBeLessThan(CAP_MS)
    },
  )

  test('the same with the 16 KB segment after a segment every example nearly shares', async () => {
    const mock = createPostmanMock(
      collectionOf(Array.from({ length: 1000 }, (_, i) => `/userz/${word(i + 2, 64)}`)),
    )
    const { respond, explain } = await costs(mock, `/users${SIXTEEN_KB}`)
    expect(respond).toBeLessThan(CAP_MS)
    expect(explain).toBeLessThan(CAP_MS)
  })
})

describe('a collection holding a 10 MB path segment', () => {
  test('one-segment requests stay flat, and a near miss is still found by document distance', async () => {
    const mock = createPostmanMock(collectionOf([`/${'y'.repeat(10 * 1024 * 1024)}`, '/employees']))
    const { respond, explain } = await costs(mock, '/orders')
    expect(respond).toBeLessThan(CAP_MS)
    expect(explain).toBeLessThan(CAP_MS)
    const nearMiss = await mock.respond(new Request(`${MOCK}/employes`))
    expect(await nearMiss?.json()).toEqual({ example: 1 })
  })
})
