import type {
  CallFilter,
  ExampleInfo,
  Explanation,
  MockOverride,
  PostmanAnswer,
  PostmanMock,
  RecordedCall,
} from '@postmock/core'
import { loadMock } from './load-mock.js'
import type { CollectionSource, PostmanRouteOptions } from './options.js'
import { isHttp, isLoopback, originOf } from './origins.js'
import type { RoutableLike, RouteHandler, RouteLike, UrlPredicate } from './playwright-like.js'
import {
  type BlockedRequest,
  blockedMessage,
  problemsError,
  type UnmatchedRequest,
  unmatchedMessage,
} from './report.js'
import { RouteCoverage, trackRouteCoverage } from './route-coverage.js'
import { realizeFault } from './route-fault.js'
import { RouteRecorder } from './route-recording.js'
import { toFetchRequest, toFulfillHeaders } from './to-fetch-request.js'

/** What {@link routePostmanMocks} returns: core's `PostmanMock` API plus what routing adds. */
export interface PostmanRoute extends PostmanMock {
  /** The core mock behind the routes. */
  readonly mock: PostmanMock
  /** Requests to served origins that no example answered (they got Postman's not-found answer). */
  unmatched(): UnmatchedRequest[]
  /** Requests to unserved, non-local origins that were aborted. */
  blocked(): BlockedRequest[]
  /** Throws a `PostmockError` with every near-miss report when a request was unmatched or blocked. */
  assertNoUnmatched(): void
  /**
   * Removes both routes. Requests after this are no longer answered or blocked. With `record`, then
   * writes the recorded answers into the collection file.
   */
  unroute(): Promise<void>
}

/** Whether a route handler failed only because the page or context closed under it. */
function isClosedError(error: unknown): boolean {
  return (
    error instanceof Error && /closed|has been disposed|Target page, context or browser/i.test(error.message)
  )
}

async function settle(action: () => Promise<unknown>): Promise<void> {
  try {
    await action()
  } catch (error) {
    if (!isClosedError(error)) throw error
  }
}

/**
 * Routes a Playwright `Page` or `BrowserContext` through a Postman collection: requests to the
 * origins the mock serves (`*.mock.pstmn.io` and `baseUrls`) are answered by core's matcher;
 * requests to other origins that are not on this machine are aborted (`blockUnserved`); the app's
 * own loopback server is untouched. For playwright-core users and for setups the fixture does not fit.
 *
 * @example
 * import { chromium } from 'playwright-core'
 * import { routePostmanMocks } from '@postmock/playwright'
 *
 * const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' })
 * const context = await browser.newContext()
 * const postman = await routePostmanMocks(context, './testAPI.json', { environment: './testAPIEnv.json' })
 * postman.use({ request: 'Get user', code: 401 })
 * const page = await context.newPage()
 * await page.goto('http://127.0.0.1:3000/')
 * console.log(postman.calls({ request: 'Get user' }))
 * postman.assertNoUnmatched()
 * await postman.unroute()
 */
export async function routePostmanMocks(
  target: RoutableLike,
  source: CollectionSource,
  options: PostmanRouteOptions = {},
): Promise<PostmanRoute> {
  const recorder = RouteRecorder.start(source, options)
  const onCall = options.onCall
  const mock = await loadMock(
    source,
    recorder
      ? {
          ...options,
          onCall: (call, request) => {
            recorder.onCall(call, request)
            onCall?.(call, request)
          },
        }
      : options,
  )
  const coverage = RouteCoverage.start(mock, source, options.baseDir)
  const onUnmatched = options.onUnmatched ?? 'error'
  const allowed = new Set((options.allowOrigins ?? []).map((origin) => originOf(origin) ?? origin))
  let unmatched: UnmatchedRequest[] = []
  let blocked: BlockedRequest[] = []

  const served: UrlPredicate = (url) => isHttp(url) && mock.serves(url)
  const answer: RouteHandler = async (route: RouteLike) => {
    const request = route.request()
    let response: PostmanAnswer | undefined
    let fetchRequest: Request | undefined
    try {
      fetchRequest = await toFetchRequest(request)
      response = await mock.answer(fetchRequest)
    } catch (error) {
      const report = error instanceof Error ? (error.stack ?? error.message) : String(error)
      unmatched.push({ method: request.method(), url: request.url(), report })
      if (onUnmatched === 'warn') console.warn(report)
      return settle(() => route.abort('failed'))
    }
    if (!response) return settle(() => route.fallback())
    // Recording: the real API answers what the mode sends it; a recorded request is not unmatched.
    const recorded = await recorder?.record(route, fetchRequest!, mock, settle)
    if (recorded?.kind === 'recorded') return
    if (recorded) {
      const entry = { method: request.method(), url: request.url(), report: recorded.report }
      unmatched.push(entry)
      if (onUnmatched === 'warn') console.warn(recorded.report)
      return settle(() => route.abort('failed'))
    }
    if (await realizeFault(route, response, settle)) return
    if (response.status === 404 && !response.fault) {
      const explanation = await mock.explain(await toFetchRequest(request))
      if (!explanation.winner) {
        const entry = { method: request.method(), url: request.url(), report: explanation.report }
        unmatched.push(entry)
        if (onUnmatched === 'warn') console.warn(unmatchedMessage(entry))
      }
    }
    const body = Buffer.from(response.body ?? '')
    await settle(() =>
      route.fulfill({ status: response.status, headers: toFulfillHeaders(response.headers), body }),
    )
  }

  const unserved: UrlPredicate = (url) =>
    isHttp(url) && !isLoopback(url) && !allowed.has(url.origin) && !mock.serves(url)
  const refuse: RouteHandler = async (route: RouteLike) => {
    const request = route.request()
    const entry = { method: request.method(), url: request.url() }
    blocked.push(entry)
    if (onUnmatched === 'warn') console.warn(blockedMessage(entry))
    await settle(() => route.abort('blockedbyclient'))
  }

  await target.route(served, answer)
  if (options.blockUnserved !== false) await target.route(unserved, refuse)

  const route: PostmanRoute = {
    mock,
    get handlers() {
      return mock.handlers
    },
    get origins() {
      return mock.origins
    },
    get examples(): readonly ExampleInfo[] {
      return mock.examples
    },
    get warnings() {
      return mock.warnings
    },
    respond: (request: Request) => mock.respond(request),
    answer: (request: Request) => mock.answer(request),
    explain: (request: Request): Promise<Explanation> => mock.explain(request),
    verify: (...args: Parameters<PostmanMock['verify']>) => mock.verify(...args),
    serves: (url: string | URL) => mock.serves(url),
    use: (...overrides: MockOverride[]) => mock.use(...overrides),
    calls: (filter?: CallFilter): RecordedCall[] =>
      recorder ? recorder.answers.calls((f) => mock.calls(f), filter) : mock.calls(filter),
    unused: () => mock.unused(),
    reset() {
      coverage?.collect(mock)
      mock.reset()
      unmatched = []
      blocked = []
    },
    fork() {
      return mock.fork()
    },
    unmatched: () => [...unmatched],
    blocked: () => [...blocked],
    assertNoUnmatched() {
      const error = onUnmatched === 'error' ? problemsError(unmatched, blocked) : undefined
      if (error) throw error
    },
    async unroute() {
      await settle(() => target.unroute(served, answer))
      if (options.blockUnserved !== false) await settle(() => target.unroute(unserved, refuse))
      coverage?.finish(mock)
      // The recorded answers land in the collection file now (locked: parallel workers lose nothing).
      await recorder?.flush()
    },
  }
  trackRouteCoverage(route, coverage)
  return route
}
