import { formatMessage, PostmockError } from '@postmock/core'

/** A request to a served origin that no example answered. */
export interface UnmatchedRequest {
  method: string
  url: string
  /** The near-miss report from core's `explain()`: the closest examples and why each lost. */
  report: string
}

/** A request to an origin that is neither served nor local, aborted before it left the browser. */
export interface BlockedRequest {
  method: string
  url: string
}

/** The message for an unmatched request: core's near-miss report, which already reads "[postmock] Failed to match …". */
export function unmatchedMessage(entry: UnmatchedRequest): string {
  return entry.report
}

/** The message for a request that was aborted because its origin is not served. */
export function blockedMessage(entry: BlockedRequest): string {
  return formatMessage(
    `send ${entry.method} ${entry.url}`,
    `its origin ${new URL(entry.url).origin} is not served by the mock and is not on this machine, so the request was aborted before it left the browser`,
    'Add the origin to baseUrls, list it in allowOrigins, or set blockUnserved: false',
  )
}

/** One error for everything that went wrong in a test, or `undefined` when nothing did. */
export function problemsError(
  unmatched: UnmatchedRequest[],
  blocked: BlockedRequest[],
): PostmockError | undefined {
  if (unmatched.length === 0 && blocked.length === 0) return undefined
  const parts = [...unmatched.map(unmatchedMessage), ...blocked.map(blockedMessage)]
  const code = unmatched.length > 0 ? 'UNMATCHED_REQUEST' : 'UNSERVED_ORIGIN'
  return new PostmockError(code, parts.join('\n\n'))
}
