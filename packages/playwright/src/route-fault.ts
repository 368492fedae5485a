import type { PostmanAnswer } from '@postmock/core'
import type { RouteLike } from './playwright-like.js'

/** The Chromium network error each fault stands for (`route.abort()` codes). */
const ABORT_CODES = {
  'network-error': 'connectionrefused',
  timeout: 'timedout',
  reset: 'connectionreset',
} as const

/**
 * Realizes a fault on a Playwright route, or returns `false` when the answer is to be fulfilled (no
 * fault, or `'malformed'`: its body is already truncated). `'network-error'` aborts with
 * `connectionrefused`; `'reset'` with `connectionreset` (a page cannot be sent half a body, so the
 * connection resets before the headers); `'timeout'` leaves the route unanswered, so the page's own
 * abort or timeout ends it, or aborts it with `timedout` after `after` ms.
 *
 * @example
 * if (!(await realizeFault(route, answer))) await route.fulfill({ status: answer.status, body: answer.body ?? '' })
 */
export async function realizeFault(
  route: RouteLike,
  answer: PostmanAnswer,
  settle: (action: () => Promise<unknown>) => Promise<void>,
): Promise<boolean> {
  const { fault } = answer
  if (!fault || fault === 'malformed') return false
  if (fault !== 'timeout') {
    await settle(() => route.abort(ABORT_CODES[fault]))
    return true
  }
  if (answer.after !== undefined) {
    // The page may have given up first: its request is gone, and aborting it fails, which is no one's concern.
    setTimeout(() => settle(() => route.abort(ABORT_CODES.timeout)).catch(() => {}), answer.after)
  }
  return true
}
