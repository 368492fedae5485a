import { describe, expect, it } from 'vitest'
import { retryDelayMs } from './retry-delay.js'

const now = Date.UTC(2026, 10, 25, 3, 0, 0)

describe('retryDelayMs', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryDelayMs(new Headers({ 'retry-after': '2' }), now)).toBe(2000)
    expect(retryDelayMs(new Headers({ 'retry-after': '0.5' }), now)).toBe(500)
    expect(retryDelayMs(new Headers({ 'retry-after': new Date(now + 3000).toUTCString() }), now)).toBe(3000)
  })

  it('reads X-RateLimit-Reset as an epoch second, or as seconds when small', () => {
    expect(retryDelayMs(new Headers({ 'x-ratelimit-reset': String(now / 1000 + 4) }), now)).toBe(4000)
    expect(retryDelayMs(new Headers({ 'x-ratelimit-reset': String(now / 1000 - 10) }), now)).toBe(0)
    expect(retryDelayMs(new Headers({ 'x-ratelimit-reset': '7' }), now)).toBe(7000)
  })

  it('prefers Retry-After, and names no time when neither header is usable', () => {
    expect(retryDelayMs(new Headers({ 'retry-after': '1', 'x-ratelimit-reset': '9' }), now)).toBe(1000)
    expect(retryDelayMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined()
    expect(retryDelayMs(new Headers(), now)).toBeUndefined()
  })
})
