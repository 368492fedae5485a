/**
 * How long the Postman API asks us to wait after a 429, in milliseconds, or `undefined` when it
 * names no time. `Retry-After` is seconds or an HTTP date; `X-RateLimit-Reset` is the epoch second
 * at which the limit resets (small values are read as seconds to wait, as some proxies send them).
 *
 * @example
 * retryDelayMs(new Headers({ 'retry-after': '2' })) // 2000
 */
export function retryDelayMs(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim()
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number(retryAfter) * 1000)
    const at = Date.parse(retryAfter)
    if (!Number.isNaN(at)) return Math.max(0, at - now)
  }
  const reset = headers.get('x-ratelimit-reset')?.trim()
  if (reset && /^\d+(\.\d+)?$/.test(reset)) {
    const value = Number(reset)
    if (value > 1_000_000_000) return Math.max(0, Math.ceil(value * 1000 - now))
    return Math.ceil(value * 1000)
  }
  return undefined
}
