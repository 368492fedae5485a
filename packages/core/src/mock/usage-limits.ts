import type { PostmanMockOptions } from '../glossary.js'

/** What the usage limits decided for one call. */
export type LimitVerdict =
  | { allowed: true }
  | { allowed: false; error: 'rateLimitError'; retryAfter: number }
  | { allowed: false; error: 'usageLimitError' }

/**
 * Postman's call limits (spec §5), off unless asked for: a per-minute rate limit (Postman: 120 calls a
 * minute per mock) and a usage quota (the plan's monthly mock calls; here counted from load or reset).
 */
export class UsageLimits {
  private windowStart = 0
  private inWindow = 0
  private total = 0

  constructor(
    private readonly limits: PostmanMockOptions['limits'],
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one call and says whether it may be answered. */
  check(): LimitVerdict {
    if (!this.limits) return { allowed: true }
    const { callsPerMinute, totalCalls } = this.limits
    if (totalCalls !== undefined && this.total >= totalCalls)
      return { allowed: false, error: 'usageLimitError' }
    const now = this.now()
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now
      this.inWindow = 0
    }
    if (callsPerMinute !== undefined && this.inWindow >= callsPerMinute) {
      return {
        allowed: false,
        error: 'rateLimitError',
        retryAfter: Math.ceil((this.windowStart + 60_000) / 1000),
      }
    }
    this.inWindow++
    this.total++
    return { allowed: true }
  }

  /** The current per-minute window, for the `X-RateLimit-*` headers (`undefined` without a rate limit). */
  window(): { limit: number; remaining: number; reset: number } | undefined {
    const limit = this.limits?.callsPerMinute
    if (limit === undefined) return undefined
    return {
      limit,
      remaining: Math.max(0, limit - this.inWindow),
      reset: Math.ceil((this.windowStart + 60_000) / 1000),
    }
  }

  reset(): void {
    this.windowStart = 0
    this.inWindow = 0
    this.total = 0
  }
}
