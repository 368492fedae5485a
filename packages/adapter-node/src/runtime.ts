import { clearImmediate, setImmediate } from 'node:timers'
import type * as Interceptors from '@mswjs/interceptors'
import type * as InterceptorsHttp from '@mswjs/interceptors/http'
import type * as InterceptorsNet from '@mswjs/interceptors/net'
import type * as Core from '@postmock/core'
import type * as CoreNode from '@postmock/core/node'
import type * as Msw from 'msw'
import type { InterceptorModules } from './interception/socket-layer.js'
import { diagnoseLoadFailure, missingGlobals, startupError } from './startup-check.js'

/** The modules the adapters need at run time, loaded once and checked (see {@link getRuntime}). */
export interface Runtime {
  core: Pick<
    typeof Core,
    | 'createPostmanMock'
    | 'formatMessage'
    | 'PostmockError'
    | 'CoverageRecorder'
    | 'faultOf'
    | 'readRecordingOptions'
    | 'RECORD_ENV'
    | 'noRecordTargetError'
    | 'readTargetUrl'
    | 'recordTargetOf'
    | 'recordingDecision'
    | 'forwardedHeaders'
    | 'RecordedAnswers'
    | 'MockScope'
    | 'problemsError'
  >
  coreNode: Pick<
    typeof CoreNode,
    | 'loadSource'
    | 'loadEnvironment'
    | 'recordIntoFile'
    | 'COVERAGE_DIR_ENV'
    | 'writeCoverageFragment'
    | 'coverageTestLabel'
  >
  /** msw's, for the user's own handlers (`postman.server.use(...)`). */
  getResponse: typeof Msw.getResponse
  interception: InterceptorModules
}

interface Modules {
  core: typeof Core
  coreNode: typeof CoreNode
  msw: typeof Msw
  interceptors: typeof Interceptors
  http: typeof InterceptorsHttp
  net: typeof InterceptorsNet
}

let loaded: Runtime | undefined
let failure: Error | undefined

function checkGlobals(): void {
  const missing = missingGlobals()
  if (missing.length) throw startupError('globals', missing.join(', '))
  // Jest's jsdom environments have no setImmediate, which the interceptors schedule with.
  if (typeof (globalThis as { setImmediate?: unknown }).setImmediate !== 'function') {
    for (const [name, value] of Object.entries({ setImmediate, clearImmediate })) {
      Object.defineProperty(globalThis, name, { value, configurable: true, writable: true })
    }
  }
  // The interceptors' only API newer than Node 20 (ES2024); defined as the standard defines it.
  if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== 'function') {
    Object.defineProperty(Promise, 'withResolvers', {
      configurable: true,
      writable: true,
      value: function withResolvers<T>(this: PromiseConstructor) {
        let resolve!: (value: T | PromiseLike<T>) => void
        let reject!: (reason?: unknown) => void
        const promise = new this<T>((yes, no) => {
          resolve = yes
          reject = no
        })
        return { promise, resolve, reject }
      },
    })
  }
}

function assemble({ core, coreNode, msw, interceptors, http, net }: Modules): Runtime {
  return {
    core,
    coreNode,
    getResponse: msw.getResponse,
    interception: {
      Interceptor: interceptors.Interceptor,
      HttpRequestInterceptor: http.HttpRequestInterceptor,
      SocketInterceptor: net.SocketInterceptor,
    },
  }
}

function requireAll(): Modules {
  return {
    core: require('@postmock/core'),
    coreNode: require('@postmock/core/node'),
    msw: require('msw'),
    interceptors: require('@mswjs/interceptors'),
    http: require('@mswjs/interceptors/http'),
    net: require('@mswjs/interceptors/net'),
  }
}

/** One module after another: Jest's ESM loader on Node 20 races on parallel imports of shared files. */
async function importAll(): Promise<Modules> {
  return {
    core: await import('@postmock/core'),
    coreNode: await import('@postmock/core/node'),
    msw: await import('msw'),
    interceptors: await import('@mswjs/interceptors'),
    http: await import('@mswjs/interceptors/http'),
    net: await import('@mswjs/interceptors/net'),
  }
}

function loadWithRequire(): Runtime {
  checkGlobals()
  try {
    return assemble(requireAll())
  } catch (error) {
    throw diagnoseLoadFailure(error)
  }
}

/**
 * ESM build only: loads msw, core and the interceptors before the adapter module finishes evaluating
 * (top-level await in index.ts), so a missing runtime becomes one `[postmock]` message at
 * `setupPostmanMocks()` instead of a module-link stack trace. Never rejects; the failure is kept for
 * {@link getRuntime}.
 */
export async function preloadRuntime(): Promise<void> {
  try {
    checkGlobals()
    const modules = await importAll().catch((error: unknown) => {
      throw diagnoseLoadFailure(error)
    })
    loaded = assemble(modules)
  } catch (error) {
    failure = error as Error
  }
}

/** The loaded runtime, or the one actionable `[postmock]` error saying what is missing. */
export function getRuntime(): Runtime {
  if (loaded) return loaded
  if (!failure && __POSTMOCK_CJS__) {
    try {
      loaded = loadWithRequire()
      return loaded
    } catch (error) {
      failure = error as Error
    }
  }
  throw failure ?? startupError('load', 'the runtime was not loaded')
}
