import { clearImmediate, setImmediate } from 'node:timers'
import type * as Interceptors from '@mswjs/interceptors'
import type * as InterceptorsHttp from '@mswjs/interceptors/http'
import type * as InterceptorsNet from '@mswjs/interceptors/net'
import type * as Core from '@postmock/core'
import type * as CoreNode from '@postmock/core/node'
import type * as Msw from 'msw'
import type * as MswNode from 'msw/node'
import type { InterceptionModules } from './interception/install.js'
import { diagnoseLoadFailure, missingGlobals, startupError } from './startup-check.js'

/** The modules the adapters need at run time, loaded once and checked (see {@link getRuntime}). */
export interface Runtime {
  core: Pick<typeof Core, 'createPostmanMock' | 'formatMessage' | 'PostmockError'>
  coreNode: Pick<typeof CoreNode, 'loadSource' | 'loadEnvironment'>
  /** msw's, for the user's own handlers (`postman.server.use(...)`). */
  getResponse: typeof Msw.getResponse
  interception: InterceptionModules
}

interface Modules {
  core: typeof Core
  coreNode: typeof CoreNode
  msw: typeof Msw
  /** Node >= 22: the socket interceptors. */
  sockets?: { base: typeof Interceptors; http: typeof InterceptorsHttp; net: typeof InterceptorsNet }
  /** Node < 22: msw's own interceptors. */
  mswNode?: typeof MswNode
}

let loaded: Runtime | undefined
let failure: Error | undefined

/** The socket interceptors (@mswjs/interceptors 0.45) need Node >= 22; older Node gets msw's own. */
const SOCKETS = Number(process.versions.node.split('.')[0]) >= 22

function checkGlobals(): void {
  const missing = missingGlobals()
  if (missing.length) throw startupError('globals', missing.join(', '))
  // Jest's jsdom environments have no setImmediate, which the interceptors schedule with.
  if (typeof (globalThis as { setImmediate?: unknown }).setImmediate !== 'function') {
    for (const [name, value] of Object.entries({ setImmediate, clearImmediate })) {
      Object.defineProperty(globalThis, name, { value, configurable: true, writable: true })
    }
  }
}

function assemble(modules: Modules): Runtime {
  const { core, coreNode, msw, sockets, mswNode } = modules
  const interception: InterceptionModules = sockets
    ? {
        sockets: {
          Interceptor: sockets.base.Interceptor,
          HttpRequestInterceptor: sockets.http.HttpRequestInterceptor,
          SocketInterceptor: sockets.net.SocketInterceptor,
        },
      }
    : { legacy: { http: msw.http, setupServer: (mswNode as typeof MswNode).setupServer } }
  return { core, coreNode, getResponse: msw.getResponse, interception }
}

function requireAll(): Modules {
  const modules: Modules = {
    core: require('@postmock/core'),
    coreNode: require('@postmock/core/node'),
    msw: require('msw'),
  }
  if (SOCKETS) {
    modules.sockets = {
      base: require('@mswjs/interceptors'),
      http: require('@mswjs/interceptors/http'),
      net: require('@mswjs/interceptors/net'),
    }
  } else modules.mswNode = require('msw/node')
  return modules
}

/** One module after another: Jest's ESM loader on Node 20 races on parallel imports of shared files. */
async function importAll(): Promise<Modules> {
  const modules: Modules = {
    core: await import('@postmock/core'),
    coreNode: await import('@postmock/core/node'),
    msw: await import('msw'),
  }
  if (SOCKETS) {
    modules.sockets = {
      base: await import('@mswjs/interceptors'),
      http: await import('@mswjs/interceptors/http'),
      net: await import('@mswjs/interceptors/net'),
    }
  } else modules.mswNode = await import('msw/node')
  return modules
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
