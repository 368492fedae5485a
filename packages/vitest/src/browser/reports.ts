import { formatMessage, PostmockError } from '@postmock/core'

/** The report for a request to an origin no collection serves: refused in the page, never sent. */
export function refusalReport(request: Request, served: readonly string[]): string {
  const { origin } = new URL(request.url)
  return formatMessage(
    `send ${request.method} ${request.url}`,
    `its origin is not served by postmock (served: ${served.join(', ') || 'none'}), and requests are never sent to the network: msw's service worker answered it with a network error`,
    `Add the origin to baseUrls, or call the mock at https://<mockId>.mock.pstmn.io. To let it reach the network instead, list it in passthrough: ['${origin}'] or set onUnmatched: 'bypass'`,
  )
}

/** The worker could not start: most often its script is not served. */
export function workerStartError(url: string, cause: unknown): PostmockError {
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new PostmockError(
    'MISSING_RUNTIME',
    formatMessage(
      `start msw's service worker from ${url}`,
      reason,
      "Add postmockWorker() from '@postmock/vitest/plugin' to the plugins of your Vitest config (it serves msw's mockServiceWorker.js), or copy the script with `npx msw init public`",
    ),
  )
}

/** A second `setupPostmanMocks()` in one page. */
export function secondWorkerError(): PostmockError {
  return new PostmockError(
    'INVALID_OPTION',
    formatMessage(
      'start setupPostmanMocks() a second time in this page',
      "another setupPostmanMocks() (this file's, or a setupFiles module's) already runs msw's worker here, and msw answers a page from one worker only",
      'Pass every collection to one call: setupPostmanMocks([{ collection: a, baseUrls: [...] }, { collection: b, baseUrls: [...] }])',
    ),
  )
}
