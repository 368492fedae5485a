import type { StartOptions } from 'msw/browser'
import { WORKER_URL } from '../worker-url.js'
import { workerStartError } from './reports.js'

/**
 * The worker's start options. Requests the collections do not serve are decided by `collectionHandler`;
 * the rest (the page's own origin) and WebSocket frames go on quietly: msw 2 names that option
 * `onUnhandledRequest`, msw 3 `onUnhandledFrame`, so both are set (an object, not a literal, for either's types).
 */
export const START_OPTIONS: StartOptions = Object.assign(
  { quiet: true, serviceWorker: { url: WORKER_URL } },
  {
    onUnhandledRequest: 'bypass',
    onUnhandledFrame: 'bypass',
  } as const,
)

/**
 * Fails fast when the dev server does not serve msw's worker script (msw's own start would wait for a
 * worker that never comes, or report a MIME type): the usual cause is a config without the plugin.
 */
export async function checkWorkerScript(): Promise<void> {
  const response = await fetch(WORKER_URL, { cache: 'no-store' }).catch((error: Error) => error)
  if (response instanceof Error) throw workerStartError(WORKER_URL, response)
  const type = response.headers.get('content-type') ?? 'no content type'
  await response.body?.cancel()
  if (!response.ok || !/javascript/i.test(type)) {
    throw workerStartError(
      WORKER_URL,
      `the dev server answered ${response.status} (${type}), not the worker script`,
    )
  }
}
