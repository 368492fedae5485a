import type {
  PostmanMocks,
  PostmanSource,
  PostmockServer,
  SetupPostmanMocksOptions,
} from '@postmock/adapter-node'
import { formatMessage, MockScope, PostmockError, problemsError } from '@postmock/core'
import type { RequestHandler } from 'msw'
import { setupWorker } from 'msw/browser'
import { WORKER_URL } from '../worker-url.js'
import { BrowserCoverage } from './coverage.js'
import { type LoadedSource, loadBrowserSources } from './read-sources.js'
import { secondWorkerError, workerStartError } from './reports.js'
import { collectionHandler } from './worker-handler.js'
import { checkWorkerScript, START_OPTIONS } from './worker-start.js'

/** The browser build's session: what `setupPostmanMocks()` binds to Vitest's hooks. */
export interface BrowserSession {
  readonly mocks: PostmanMocks
  /** `beforeAll`: reads the sources and starts msw's worker for this file's page. */
  start(): Promise<void>
  /** `afterEach`: fails the test that just ran if it had unmatched or refused requests; resets. */
  endTest(): Promise<void>
  /** `afterAll`: stops the worker, sends the coverage fragment and prints the `reportUnused` list. */
  stop(): Promise<void>
}

/** The session whose worker runs in this page: msw answers a page from one worker only. */
let runningInPage: object | undefined

function notStarted(what: string): PostmockError {
  return new PostmockError(
    'INVALID_OPTION',
    formatMessage(
      `read postman.${what}`,
      'the collections load in beforeAll, which has not run yet',
      'Use it inside a test or a hook',
    ),
  )
}

/**
 * Creates msw's `setupWorker` with one handler that asks the collections (see `collectionHandler`),
 * and the per-file scope: `use()` and `calls()` belong to the running test and are reset after it.
 * A browser has no async context, so `test.concurrent` tests of one file share that scope; files are
 * isolated from each other (each runs in its own page with its own worker client). `runningTest` names
 * the running test (its full name) for example coverage.
 *
 * @example
 * const session = createBrowserSession(collection, { baseUrls: ['https://api.example.com'] }, () =>
 *   expect.getState().currentTestName,
 * )
 * beforeAll(() => session.start())
 * afterEach(() => session.endTest())
 * afterAll(() => session.stop())
 */
export function createBrowserSession(
  sources: PostmanSource | readonly PostmanSource[],
  options: SetupPostmanMocksOptions = {},
  runningTest: () => string | undefined = () => undefined,
): BrowserSession {
  const onUnmatched = options.onUnmatched ?? 'error'
  let loaded: LoadedSource[] | undefined
  let shared: MockScope | undefined
  let isolated: MockScope | undefined
  let started = false
  /** Per source, the locations of the examples no test of this file was answered with yet. */
  let neverServed: Array<Set<string>> = []
  /** Example coverage for a coverage reporter's run (only when one runs and postmockWorker() is set). */
  let coverage: BrowserCoverage | undefined

  const current = (what: string): MockScope => {
    const scope = isolated ?? shared
    if (!scope) throw notStarted(what)
    return scope
  }
  const worker = setupWorker(
    collectionHandler({
      options,
      scope: () => isolated ?? shared,
      flag: (scope, report) => {
        const safe = report.catch(
          (error: unknown) => `[postmock] ${(error as Error)?.message ?? String(error)}`,
        )
        if (onUnmatched === 'warn') void safe.then((text) => console.warn(text))
        else if (onUnmatched === 'error') scope.problems.push(safe)
      },
    }),
  )

  const endScope = async (scope: MockScope): Promise<void> => {
    const reports = await Promise.all(scope.problems)
    coverage?.collect(scope.mocks, runningTest())
    scope.mocks.forEach((mock, i) => {
      const still = new Set(mock.unused().map((example) => example.location))
      neverServed[i] = new Set([...(neverServed[i] ?? [])].filter((location) => still.has(location)))
    })
    scope.reset()
    if (reports.length) throw problemsError(reports)
  }

  const server: PostmockServer = {
    use: (...handlers) => worker.use(...handlers),
    resetHandlers: (...next) => {
      worker.resetHandlers()
      if (next.length) worker.use(...next)
    },
    restoreHandlers: () => worker.restoreHandlers(),
    listHandlers: () => worker.listHandlers().slice(0, -1) as readonly RequestHandler[],
  }

  const mocks: PostmanMocks = {
    server,
    get handlers() {
      return current('handlers').mocks.flatMap((mock) => mock.handlers)
    },
    get examples() {
      return current('examples').mocks.flatMap((mock) => mock.examples)
    },
    get warnings() {
      return current('warnings').mocks.flatMap((mock) => mock.warnings)
    },
    use: (...overrides) => current('use()').use(overrides),
    calls: (filter) => current('calls()').calls(filter),
    unused: () =>
      current('unused()').mocks.flatMap((mock, i) =>
        mock.unused().filter((example) => neverServed[i]?.has(example.location) ?? true),
      ),
    explain: async (request) => current('explain()').mockFor(request, 'explain').explain(request),
    verify: async (request, response, verifyOptions) =>
      current('verify()').mockFor(request, 'verify').verify(request, response, verifyOptions),
    respond: async (request) =>
      (await current('respond()').serving(request.url)?.respond(request)) ?? undefined,
    serves: (url) => current('serves()').serving(String(url)) !== undefined,
    reset: () => {
      const scope = current('reset()')
      coverage?.collect(scope.mocks, runningTest())
      scope.reset()
    },
    isolate:
      (fn) =>
      async (...args) => {
        if (!loaded) throw notStarted('isolate()')
        if (isolated) {
          throw new PostmockError(
            'INVALID_OPTION',
            formatMessage(
              'run postman.isolate()',
              'another isolated function is still running, and a browser has no async context to tell their requests apart',
              'Await one isolate() before starting the next',
            ),
          )
        }
        const scope = new MockScope(loaded.map((source) => source.mock.fork()))
        isolated = scope
        let result: Awaited<ReturnType<typeof fn>>
        try {
          result = await fn(...args)
        } catch (error) {
          coverage?.collect(scope.mocks, runningTest())
          throw error
        } finally {
          isolated = undefined
        }
        await endScope(scope)
        return result
      },
  }

  return {
    mocks,
    start: async () => {
      if (runningInPage && runningInPage !== mocks) throw secondWorkerError()
      runningInPage = mocks
      loaded ??= await loadBrowserSources(sources, options)
      shared ??= new MockScope(loaded.map((source) => source.mock))
      neverServed = shared.mocks.map((mock) => new Set(mock.examples.map((example) => example.location)))
      coverage ??= await BrowserCoverage.start(loaded)
      await checkWorkerScript()
      try {
        await worker.start(START_OPTIONS)
      } catch (error) {
        throw workerStartError(WORKER_URL, error)
      }
      started = true
    },
    endTest: async () => {
      if (shared) await endScope(shared)
    },
    stop: async () => {
      if (runningInPage === mocks) runningInPage = undefined
      if (started) await worker.stop()
      started = false
      if (coverage && shared) {
        // calls made after the last test (in afterAll hooks) count, for no test
        coverage.collect(shared.mocks, undefined)
        const ending = coverage
        coverage = undefined
        await ending.write()
      }
      if (!options.reportUnused || !loaded) return
      const lines = loaded.flatMap(({ label, mock }, i) =>
        mock.examples
          .filter((example) => neverServed[i]?.has(example.location))
          .map((e) => `  ${label} · ${e.request} · ${e.method} ${e.path} · ${e.code} ${e.name}`),
      )
      const total = loaded.reduce((sum, { mock }) => sum + mock.examples.length, 0)
      if (lines.length) {
        console.log(
          `[postmock] ${lines.length} of ${total} examples were never served in this test file:\n${lines.join('\n')}`,
        )
      }
    },
  }
}
