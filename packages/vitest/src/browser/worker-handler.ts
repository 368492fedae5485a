import type { SetupPostmanMocksOptions } from '@postmock/adapter-node'
import type { MockScope, PostmanMock } from '@postmock/core'
import { HttpResponse, http, passthrough, type RequestHandler } from 'msw'
import { isPassthrough } from './passthrough.js'
import { refusalReport } from './reports.js'

/** What the worker's handler reads from the session. */
export interface HandlerContext {
  options: SetupPostmanMocksOptions
  /** The scope of the running test (the file's, or `isolate()`'s), once the sources are loaded. */
  scope(): MockScope | undefined
  /** Records a report that fails the scope's test (or is printed, with `onUnmatched: 'warn'`). */
  flag(scope: MockScope, report: Promise<string>): void
}

/** Whether the mock's newest call to this URL was answered with Postman's not-found 404. */
function isNotFound(mock: PostmanMock, request: Request): boolean {
  const href = new URL(request.url).href
  const calls = mock.calls({ status: 404, method: request.method })
  for (let i = calls.length - 1; i >= 0; i--) {
    if (new URL(calls[i]!.url).href === href) return calls[i]!.via === 'not-found'
  }
  return false
}

/**
 * The one msw handler behind the user's own (`postman.server.use()` puts those first): a served origin
 * is answered by the collection through core's `respond()` (an unmatched request gets Postman's 404 and
 * a near-miss report); the page's own origin (Vite's modules) goes on untouched; any other origin is
 * refused with a network error, never sent, unless `passthrough` or `onUnmatched: 'bypass'` lets it go.
 *
 * @example
 * const worker = setupWorker(collectionHandler({ options, scope: () => shared, flag }))
 */
export function collectionHandler(context: HandlerContext): RequestHandler {
  const bypass = context.options.onUnmatched === 'bypass'
  return http.all('*', async ({ request }) => {
    const scope = context.scope()
    const mock = scope?.serving(request.url)
    if (scope && mock) {
      const copy = bypass ? undefined : request.clone()
      const response = await mock.respond(request)
      if (copy && response?.status === 404 && isNotFound(mock, copy)) {
        context.flag(
          scope,
          mock.explain(copy).then((explanation) => explanation.report),
        )
      }
      if (response) return response
    }
    if (new URL(request.url).origin === globalThis.location?.origin) return undefined
    if (bypass || isPassthrough(request.url, context.options.passthrough)) return passthrough()
    const served = [...new Set(scope?.mocks.flatMap((one) => one.origins) ?? [])]
    const report = refusalReport(request, served)
    if (scope) context.flag(scope, Promise.resolve(report))
    return HttpResponse.error()
  })
}
