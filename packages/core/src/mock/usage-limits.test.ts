import { describe, expect, test } from 'vitest'
import { createPostmanMock } from '../index.js'
import { UsageLimits } from './usage-limits.js'

const collection = {
  info: { name: 'l', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [{ name: 'r', request: 'https://x.test/a', response: [{ name: 'a', code: 200, body: 'ok' }] }],
}
const call = async (mock: ReturnType<typeof createPostmanMock>) => {
  const response = await mock.respond(new Request('https://m.mock.pstmn.io/a'))
  return { status: response?.status, body: await response?.text() }
}

describe('call limits (spec §5)', () => {
  test('callsPerMinute answers 429 rateLimitError with the time to retry', async () => {
    const mock = createPostmanMock(collection, { limits: { callsPerMinute: 2 } })
    expect((await call(mock)).status).toBe(200)
    expect((await call(mock)).status).toBe(200)
    const limited = await call(mock)
    expect(limited.status).toBe(429)
    const { error } = JSON.parse(limited.body!) as { error: { name: string; message: string } }
    expect(error.name).toBe('rateLimitError')
    const retry = Number(/^Rate limit exceeded\. Retry after (\d+)$/.exec(error.message)?.[1])
    expect(retry).toBeGreaterThan(Date.now() / 1000)
    expect(retry).toBeLessThanOrEqual(Date.now() / 1000 + 61)
    expect(mock.calls().at(-1)).toMatchObject({ status: 429, via: 'limit' })
    mock.reset()
    expect((await call(mock)).status).toBe(200)
  })

  test('totalCalls answers 429 usageLimitError', async () => {
    const mock = createPostmanMock(collection, { limits: { totalCalls: 1 } })
    expect((await call(mock)).status).toBe(200)
    expect(await call(mock)).toEqual({
      status: 429,
      body: '{"error":{"name":"usageLimitError","message":"Usage limit reached. Contact your team admin."}}',
    })
  })

  test('the minute window rolls over', () => {
    let now = 1_000_000
    const limits = new UsageLimits({ callsPerMinute: 1 }, () => now)
    expect(limits.check().allowed).toBe(true)
    expect(limits.check()).toEqual({ allowed: false, error: 'rateLimitError', retryAfter: 1060 })
    now += 60_000
    expect(limits.check().allowed).toBe(true)
  })

  test('no limits by default, and invalid limits name the option', async () => {
    const mock = createPostmanMock(collection)
    for (let i = 0; i < 150; i++) expect((await call(mock)).status).toBe(200)
    expect(() => createPostmanMock(collection, { limits: { callsPerMinute: -1 } })).toThrow(
      /option "limits.callsPerMinute": expected a whole number, got -1/,
    )
  })
})
