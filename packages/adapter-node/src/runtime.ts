import type * as Core from '@postmock/core'
import type * as CoreNode from '@postmock/core/node'
import type { http } from 'msw'
import type { setupServer } from 'msw/node'
import { diagnoseLoadFailure, missingGlobals, startupError } from './startup-check.js'

/** The modules the adapters need at run time, loaded once and checked (see {@link getRuntime}). */
export interface Runtime {
  core: Pick<typeof Core, 'createPostmanMock' | 'formatMessage' | 'PostmockError'>
  coreNode: Pick<typeof CoreNode, 'loadSource' | 'loadEnvironment'>
  http: typeof http
  setupServer: typeof setupServer
}

let loaded: Runtime | undefined
let failure: Error | undefined

function checkGlobals(): void {
  const missing = missingGlobals()
  if (missing.length) throw startupError('globals', missing.join(', '))
}

function loadWithRequire(): Runtime {
  checkGlobals()
  try {
    const core = require('@postmock/core') as typeof Core
    const coreNode = require('@postmock/core/node') as typeof CoreNode
    const { http } = require('msw') as typeof import('msw')
    const { setupServer } = require('msw/node') as typeof import('msw/node')
    return { core, coreNode, http, setupServer }
  } catch (error) {
    throw diagnoseLoadFailure(error)
  }
}

/**
 * ESM build only: loads msw and core before the adapter module finishes evaluating (top-level await in
 * index.ts), so a missing runtime becomes one `[postmock]` message at `setupPostmanMocks()` instead of a
 * module-link stack trace. Never rejects; the failure is kept for {@link getRuntime}.
 */
export async function preloadRuntime(): Promise<void> {
  try {
    checkGlobals()
    const [core, coreNode, msw, mswNode] = await Promise.all([
      import('@postmock/core'),
      import('@postmock/core/node'),
      import('msw'),
      import('msw/node'),
    ]).catch((error: unknown) => {
      throw diagnoseLoadFailure(error)
    })
    loaded = { core, coreNode, http: msw.http, setupServer: mswNode.setupServer }
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
