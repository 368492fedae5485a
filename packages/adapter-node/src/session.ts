import { AsyncLocalStorage } from 'node:async_hooks'
import { syncBuiltinESMExports } from 'node:module'
import type {
  CallFilter,
  ExampleInfo,
  Explanation,
  MockOverride,
  PostmanMock,
  PostmockWarning,
  RecordedCall,
} from '@postmock/core'
import type { RequestHandler } from 'msw'
import { MockSet } from './mock-set.js'
import { isPassthrough, type PostmanSource, type SetupPostmanMocksOptions } from './options.js'
import { problemsError, type UnusedGroup, unusedTable } from './reports.js'
import { getRuntime, type Runtime } from './runtime.js'
import { loadSources, type MockFactory } from './sources.js'
import { unhandledStrategy } from './unhandled.js'

/** The msw server `setupPostmanMocks()` starts (`setupServer()` from `msw/node`). */
export type PostmockServer = ReturnType<Runtime['setupServer']>

/**
 * What `setupPostmanMocks()` returns: core's `PostmanMock` API over every source, scoped to the
 * running test, plus the msw `server`.
 */
export interface PostmanMocks {
  /** The msw server: `server.use(http.get(...))` still works beside the collection. */
  readonly server: PostmockServer
  /** The msw handlers the server runs (one dispatcher in front of every source). */
  readonly handlers: readonly RequestHandler[]
  /** Every example loaded, of every source (available once the server started, in `beforeAll`). */
  readonly examples: readonly ExampleInfo[]
  /** Problems found while loading the sources. */
  readonly warnings: readonly PostmockWarning[]
  /** Chooses answers for the rest of the current test; returns a function that removes them. */
  use(...overrides: MockOverride[]): () => void
  /** The requests the current test made to served origins. */
  calls(filter?: CallFilter): RecordedCall[]
  /** Examples no test of this file was answered with so far. */
  unused(): ExampleInfo[]
  /** Every candidate example for a request, with why it won or lost. */
  explain(request: Request): Promise<Explanation>
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
  /** Around one test: a concurrent test runs in its own scope, others in the shared one. */
  runTest(run: () => Promise<void>, isolated: boolean): Promise<void>
  /** `afterAll`: closes the server and prints the `reportUnused` table. */
  stop(): void
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
): PostmockSession {
  const runtime = getRuntime()
  const onUnmatched = options.onUnmatched ?? 'error'
  const scopes = new AsyncLocalStorage<MockSet>()
  let factories: MockFactory[] | undefined
  let shared: MockSet | undefined
  let loading: Promise<void> | undefined
  let listening = false
  let reported = false
  /** Per source, the locations of the examples no scope has served yet. */
  let neverServed: Array<Set<string>> = []

  const sharedSet = (what: string): MockSet => {
    if (!shared) throw notStarted(runtime, what)
    return shared
  }
  const current = (what: string): MockSet => scopes.getStore() ?? sharedSet(what)

  const flag = (set: MockSet, report: Promise<string>): void => {
    const safe = report.catch((error: unknown) => `[postmock] ${(error as Error).message ?? String(error)}`)
    if (onUnmatched === 'warn') void safe.then((text) => console.warn(text))
    else if (onUnmatched === 'error') set.problems.push(safe)
  }

  const handle = async (request: Request): Promise<Response | undefined> => {
    const set = scopes.getStore() ?? shared
    const mock = set?.serving(request.url)
    if (!set || !mock) return undefined
    const copy = onUnmatched === 'bypass' ? undefined : request.clone()
    const response = await mock.respond(request)
    if (copy && response?.status === 404 && isNotFound(mock, copy)) {
      flag(
        set,
        mock.explain(copy).then((explanation) => explanation.report),
      )
    }
    return response
  }

  const refuse = (request: Request): 'passthrough' | 'refuse' => {
    if (onUnmatched === 'bypass' || isPassthrough(request.url, options.passthrough)) return 'passthrough'
    const set = scopes.getStore() ?? shared
    if (set) flag(set, refusalReport(set, request.clone()))
    return 'refuse'
  }

  // One handler for every source, matching only served URLs: a handler that matches and answers
  // nothing makes msw pass the request through without calling the unhandled-request strategy.
  const servedHere = ({ request }: { request: Request }): boolean =>
    (scopes.getStore() ?? shared)?.serving(request.url) !== undefined
  const dispatcher = runtime.http.all(servedHere, ({ request }) => handle(request))
  const server = runtime.setupServer(dispatcher)

  const recordUnused = (set: MockSet): void => {
    set.mocks.forEach((mock, i) => {
      const still = new Set(mock.unused().map((example) => example.location))
      neverServed[i] = new Set([...(neverServed[i] ?? [])].filter((location) => still.has(location)))
    })
  }

  const endScope = async (set: MockSet): Promise<void> => {
    const reports = await Promise.all(set.problems)
    recordUnused(set)
    set.reset()
    if (reports.length) throw problemsError(runtime, reports)
  }

  const runIsolated = async <R>(fn: () => R | Promise<R>): Promise<R> => {
    if (!factories) throw notStarted(runtime, 'isolate()')
    const set = new MockSet(factories)
    let result: R
    try {
      result = await scopes.run(set, fn)
    } catch (error) {
      recordUnused(set)
      throw error
    }
    await endScope(set)
    return result
  }

  const mocks: PostmanMocks = {
    server,
    handlers: [dispatcher],
    get examples() {
      return sharedSet('examples').mocks.flatMap((mock) => mock.examples)
    },
    get warnings() {
      return sharedSet('warnings').mocks.flatMap((mock) => mock.warnings)
    },
    use: (...overrides) => current('use()').use(overrides),
    calls: (filter) => current('calls()').calls(filter),
    unused: () => {
      const set = current('unused()')
      return set.mocks.flatMap((mock, i) =>
        mock.unused().filter((e) => neverServed[i]?.has(e.location) ?? true),
      )
    },
    explain: (request) => explainIn(current('explain()'), request),
    respond: async (request) =>
      (await current('respond()').serving(request.url)?.respond(request)) ?? undefined,
    serves: (url) => sharedSet('serves()').serving(String(url)) !== undefined,
    reset: () => current('reset()').reset(),
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
        shared = new MockSet(loaded)
        neverServed = shared.mocks.map((mock) => new Set(mock.examples.map((example) => example.location)))
      })
      return loading.then(() => {
        if (listening) return
        const strategy = unhandledStrategy(refuse)
        // msw 2 reads onUnhandledRequest, msw 3 reads onUnhandledFrame; each ignores the other key.
        server.listen({ onUnhandledRequest: strategy, onUnhandledFrame: strategy } as Parameters<
          PostmockServer['listen']
        >[0])
        listening = true
        // msw patches node:http's functions; this makes `import { request } from 'node:http'` see them.
        syncBuiltinESMExports()
      })
    },
    endTest: async () => {
      if (shared) await endScope(shared)
    },
    runTest: async (run, isolated) => {
      if (isolated && factories) await runIsolated(run)
      else {
        await run()
        if (shared) await endScope(shared)
      }
    },
    stop: () => {
      if (listening) {
        server.close()
        syncBuiltinESMExports()
      }
      listening = false
      if (!options.reportUnused || !shared || reported) return
      reported = true
      recordUnused(shared)
      const groups: UnusedGroup[] = shared.mocks.map((mock, i) => ({
        label: factories?.[i]?.label ?? `source ${i + 1}`,
        total: mock.examples.length,
        unused: mock.examples.filter((example) => neverServed[i]?.has(example.location)),
      }))
      const text = unusedTable(groups)
      if (text) console.log(text)
    },
  }
}

/** Whether the mock's newest calls show this request answered with Postman's not-found 404. */
function isNotFound(mock: PostmanMock, request: Request): boolean {
  const calls = mock.calls({ status: 404, method: request.method })
  const href = new URL(request.url).href
  for (let i = calls.length - 1; i >= 0; i--) {
    const call = calls[i]!
    if (new URL(call.url).href === href) return call.via === 'not-found'
  }
  return false
}

async function explainIn(set: MockSet, request: Request): Promise<Explanation> {
  const mock = set.serving(request.url) ?? set.mocks[0]
  if (!mock) {
    throw new Error(
      getRuntime().core.formatMessage(
        'explain the request',
        'no collection is loaded',
        'Call explain() inside a test',
      ),
    )
  }
  return mock.explain(request)
}

/** The report for a refused request: its origin is served by no source. */
async function refusalReport(set: MockSet, request: Request): Promise<string> {
  const explanations = await Promise.all(set.mocks.map((mock) => mock.explain(request.clone())))
  const origin = new URL(request.url).origin
  const served = explanations.flatMap(
    (e) => /\(served: (.*?)\), and requests/.exec(e.report)?.[1]?.split(', ') ?? [],
  )
  const first = explanations[0]?.report ?? `[postmock] Failed to send ${request.method} ${request.url}.`
  const report =
    explanations.length > 1 && served.length
      ? first.replace(
          /\(served: .*?\), and requests/,
          `(served: ${[...new Set(served)].join(', ')}), and requests`,
        )
      : first
  return `${report}\n  To let it reach the network instead, list it in passthrough: ['${origin}'] or set onUnmatched: 'bypass'.`
}
