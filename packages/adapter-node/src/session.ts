import { AsyncLocalStorage } from 'node:async_hooks'
import type {
  CallFilter,
  ExampleInfo,
  Explanation,
  MockOverride,
  MockScope,
  PostmockWarning,
  RecordedCall,
  VerifyOptions,
  VerifyResult,
} from '@postmock/core'
import type { RequestHandler } from 'msw'
import { SessionCoverage } from './example-coverage/session-coverage.js'
import type { TestIdentity } from './example-coverage/test-identity.js'
import type { Interception } from './interception/glossary.js'
import { installInterception } from './interception/install.js'
import type { PostmanSource, SetupPostmanMocksOptions } from './options.js'
import { createPolicy } from './policy.js'
import { recordingSettings } from './recording/record-options.js'
import { createRecorder } from './recording/recorder.js'
import { type UnusedGroup, unusedTable } from './reports.js'
import { getRuntime, type Runtime } from './runtime.js'
import { loadSources, type MockFactory } from './sources.js'
import { type PostmockServer, UserHandlers } from './user-handlers.js'

/**
 * What `setupPostmanMocks()` returns: core's `PostmanMock` API over every source, scoped to the
 * running test, plus `server` for the user's own msw handlers.
 */
export interface PostmanMocks {
  /** Your own msw handlers beside the collection: `server.use(http.get(...))`, tried first. */
  readonly server: PostmockServer
  /**
   * The collections as msw handlers (core's `handlers`, from the msw copy core loads), for your own
   * `setupServer`/`setupWorker`; the adapter itself does not need them (available once `beforeAll` ran).
   */
  readonly handlers: readonly RequestHandler[]
  /** Every example loaded, of every source (available once the server started, in `beforeAll`). */
  readonly examples: readonly ExampleInfo[]
  /** Problems found while loading the sources. */
  readonly warnings: readonly PostmockWarning[]
  /**
   * Chooses answers for the rest of the current test; returns a function that removes them. With a
   * `postmock types` file in the program, `request`, `example` and `code` take only the collection's names
   * (as do `calls()`'s filter and the `request`/`name`/`code` of what `unused()` and `explain()` give).
   */
  use(...overrides: MockOverride[]): () => void
  /** The requests the current test made to served origins. */
  calls(filter?: CallFilter): RecordedCall[]
  /** Examples no test of this file was answered with so far. */
  unused(): ExampleInfo[]
  /** Every candidate example for a request, with why it won or lost. */
  explain(request: Request): Promise<Explanation>
  /**
   * Compares a real answer with the example the current scope would answer `request` with (status,
   * Content-Type family, JSON shape), recording no call and using up no `once` override.
   *
   * @example
   * const result = await postman.verify(request, await fetch(request))
   * expect(result.differences.map((d) => d.text)).toEqual([])
   */
  verify(request: Request, response: Response, options?: VerifyOptions): Promise<VerifyResult>
  /** The answer the current scope would give, without going through msw. */
  respond(request: Request): Promise<Response | undefined>
  /** Whether a source serves this URL's origin. */
  serves(url: string | URL): boolean
  /** Drops the current scope's overrides, recorded calls and pending failures. */
  reset(): void
  /**
   * Runs `fn` in its own scope: `use()`, `calls()` and unmatched-request failures inside it (and in
   * every request it starts) are its own, and it throws the failures when it ends. Vitest's
   * concurrent tests get this automatically; wrap Jest's `test.concurrent` bodies with it.
   */
  isolate<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R>
}

/** The runner-independent core of the adapters; the adapters bind its methods to their hooks. */
export interface PostmockSession {
  readonly mocks: PostmanMocks
  /** `beforeAll`: loads the sources and starts the msw server. */
  start(): Promise<void>
  /** `afterEach`: fails the test that just ran if it had unmatched or refused requests; resets. */
  endTest(): Promise<void>
  /**
   * Around one test: a concurrent test runs in its own scope, others in the shared one. `test` names
   * it in coverage reports (else the runner's `currentTest()`).
   */
  runTest(run: () => Promise<void>, isolated: boolean, test?: TestIdentity): Promise<void>
  /**
   * `afterAll`: closes the server, prints the `reportUnused` table, and (with `record`) writes the
   * recorded answers into their collection files.
   */
  stop(): Promise<void>
}

/** What the runner tells a session beyond its hooks. */
export interface SessionRunner {
  /** The running test (coverage reports name the tests that got each example). */
  currentTest?: () => TestIdentity | undefined
}

function notStarted(runtime: Runtime, what: string): Error {
  return new runtime.core.PostmockError(
    'INVALID_OPTION',
    runtime.core.formatMessage(
      `read postman.${what}`,
      'the collections load in beforeAll, which has not run yet',
      'Use it inside a test or a hook',
    ),
  )
}

/**
 * Creates the server and the scopes for `setupPostmanMocks()`. Throws the start-up check's one
 * `[postmock]` message when msw cannot run in this environment.
 *
 * @example
 * const session = createPostmockSession('./testAPI.postman_collection.json', { environment: './testAPIEnv.json' })
 * beforeAll(() => session.start())
 * afterEach(() => session.endTest())
 * afterAll(() => session.stop())
 * export const postman = session.mocks
 */
export function createPostmockSession(
  sources: PostmanSource | readonly PostmanSource[],
  options: SetupPostmanMocksOptions = {},
  runner: SessionRunner = {},
): PostmockSession {
  const runtime = getRuntime()
  /** A scope: a fresh core mock per source (cheap forks of the loaded ones). */
  const createScope = (from: readonly MockFactory[]): MockScope =>
    new runtime.core.MockScope(from.map((factory) => factory.create()))
  const onUnmatched = options.onUnmatched ?? 'error'
  const scopes = new AsyncLocalStorage<MockScope>()
  let factories: MockFactory[] | undefined
  let shared: MockScope | undefined
  let loading: Promise<void> | undefined
  let reported = false
  /** Per source, the locations of the examples no scope has served yet. */
  let neverServed: Array<Set<string>> = []
  /** Example coverage for a coverage reporter's run (only when one runs). */
  let coverage: SessionCoverage | undefined
  const runningTest = (): TestIdentity | undefined => runner.currentTest?.()

  const sharedSet = (what: string): MockScope => {
    if (!shared) throw notStarted(runtime, what)
    return shared
  }
  const current = (what: string): MockScope => scopes.getStore() ?? sharedSet(what)

  const flag = (set: MockScope, report: Promise<string>): void => {
    const safe = report.catch((error: unknown) => `[postmock] ${(error as Error).message ?? String(error)}`)
    if (onUnmatched === 'warn') void safe.then((text) => console.warn(text))
    else if (onUnmatched === 'error') set.problems.push(safe)
  }

  const userHandlers = new UserHandlers(runtime)
  const recording = recordingSettings(runtime, sources, options)
  const recorder = recording && createRecorder(runtime, recording)
  const policy = createPolicy({
    recorder,
    runtime,
    options,
    userHandlers,
    scope: () => scopes.getStore() ?? shared,
    flag,
  })
  let interception: Interception | undefined

  const recordUnused = (set: MockScope, test: TestIdentity | undefined = runningTest()): void => {
    coverage?.collect(set, test)
    set.mocks.forEach((mock, i) => {
      const still = new Set(mock.unused().map((example) => example.location))
      neverServed[i] = new Set([...(neverServed[i] ?? [])].filter((location) => still.has(location)))
    })
  }

  const endScope = async (set: MockScope, test?: TestIdentity): Promise<void> => {
    const reports = await Promise.all(set.problems)
    recordUnused(set, test ?? runningTest())
    set.reset()
    if (reports.length) throw runtime.core.problemsError(reports)
  }

  const runIsolated = async <R>(fn: () => R | Promise<R>, test = runningTest()): Promise<R> => {
    if (!factories) throw notStarted(runtime, 'isolate()')
    const set = createScope(factories)
    let result: R
    try {
      result = await scopes.run(set, fn)
    } catch (error) {
      recordUnused(set, test)
      throw error
    }
    await endScope(set, test)
    return result
  }

  const mocks: PostmanMocks = {
    server: userHandlers,
    get handlers() {
      return sharedSet('handlers').mocks.flatMap((mock) => mock.handlers)
    },
    get examples() {
      return sharedSet('examples').mocks.flatMap((mock) => mock.examples)
    },
    get warnings() {
      return sharedSet('warnings').mocks.flatMap((mock) => mock.warnings)
    },
    use: (...overrides) => current('use()').use(overrides),
    calls: (filter) => {
      const set = current('calls()')
      return recorder ? recorder.answers.calls((f) => set.calls(f), filter) : set.calls(filter)
    },
    unused: () => {
      const set = current('unused()')
      return set.mocks.flatMap((mock, i) =>
        mock.unused().filter((e) => neverServed[i]?.has(e.location) ?? true),
      )
    },
    explain: async (request) => current('explain()').mockFor(request, 'explain').explain(request),
    verify: async (request, response, verifyOptions) =>
      current('verify()').mockFor(request, 'verify').verify(request, response, verifyOptions),
    respond: async (request) =>
      (await current('respond()').serving(request.url)?.respond(request)) ?? undefined,
    serves: (url) => sharedSet('serves()').serving(String(url)) !== undefined,
    reset: () => {
      const set = current('reset()')
      coverage?.collect(set, runningTest())
      set.reset()
    },
    isolate:
      (fn) =>
      (...args) =>
        runIsolated(() => fn(...args)),
  }

  return {
    mocks,
    start: () => {
      loading ??= loadSources(runtime, sources, options).then((loaded) => {
        factories = loaded
        shared = createScope(loaded)
        neverServed = shared.mocks.map((mock) => new Set(mock.examples.map((example) => example.location)))
        coverage = SessionCoverage.start(runtime, loaded, shared)
      })
      return loading.then(() => {
        interception ??= installInterception(runtime.interception, policy)
      })
    },
    endTest: async () => {
      if (shared) await endScope(shared)
    },
    runTest: async (run, isolated, test) => {
      if (isolated && factories) await runIsolated(run, test ?? runningTest())
      else {
        await run()
        if (shared) await endScope(shared, test)
      }
    },
    stop: () => {
      interception?.dispose()
      interception = undefined
      // The recorded answers are written while the rest (synchronous) runs; stop() resolves when they are.
      const flushed = recorder ? recorder.flush() : Promise.resolve()
      if (coverage && shared) {
        // calls made after the last test (in afterAll hooks) count, for no test
        coverage.collect(shared, undefined)
        coverage.write()
        coverage = undefined
      }
      if (!options.reportUnused || !shared || reported) return flushed
      reported = true
      recordUnused(shared)
      const groups: UnusedGroup[] = shared.mocks.map((mock, i) => ({
        label: factories?.[i]?.label ?? `source ${i + 1}`,
        total: mock.examples.length,
        unused: mock.examples.filter((example) => neverServed[i]?.has(example.location)),
      }))
      const text = unusedTable(groups)
      if (text) console.log(text)
      return flushed
    },
  }
}
