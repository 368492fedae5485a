import { describe, expect, test } from 'vitest'
import { createPostmanMock } from '../index.js'
import { weakEtag } from './server-headers.js'

const collection = {
  info: { name: 's', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [{ name: 'r', request: 'https://x.test/a', response: [{ name: 'a', code: 200, body: '{"a":1}' }] }],
}
const get = (mock: ReturnType<typeof createPostmanMock>) =>
  mock.respond(new Request('https://m.mock.pstmn.io/a'))

describe('serverHeaders', () => {
  test('off by default: only Access-Control-Allow-Origin is added', async () => {
    const response = await get(createPostmanMock(collection))
    expect(response?.headers.get('access-control-allow-origin')).toBe('*')
    expect(response?.headers.get('etag')).toBeNull()
    expect(response?.headers.get('x-srv-trace')).toBeNull()
  })

  test('adds ETag, Vary, trace ids and the rate-limit counters', async () => {
    const mock = createPostmanMock(collection, { serverHeaders: true, limits: { callsPerMinute: 120 } })
    const first = await get(mock)
    const second = await get(mock)
    expect(first?.headers.get('etag')).toBe(weakEtag('{"a":1}'))
    expect(first?.headers.get('etag')).toMatch(/^W\/"7-[0-9a-f]{8}"$/)
    expect(first?.headers.get('vary')).toBe('Accept-Encoding')
    expect(first?.headers.get('x-srv-trace')).toMatch(/^v=1;t=[0-9a-f]{16}$/)
    expect(first?.headers.get('x-srv-span')).toMatch(/^v=1;s=[0-9a-f]{16}$/)
    expect(first?.headers.get('x-ratelimit-limit')).toBe('120')
    expect(first?.headers.get('x-ratelimit-remaining')).toBe('119')
    expect(second?.headers.get('x-ratelimit-remaining')).toBe('118')
    expect(Number(first?.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000)
  })

  test('different bodies, different ETags', () => {
    expect(weakEtag('{"a":1}')).not.toBe(weakEtag('{"a":2}'))
  })
})
