import { syncBuiltinESMExports } from 'node:module'
import { patchGlobalFetch } from './fetch-fast-path.js'
import type { Interception, InterceptionPolicy } from './glossary.js'
import { applyLegacyLayer, type LegacyModules } from './legacy-layer.js'
import { applySocketLayer, type InterceptorModules } from './socket-layer.js'

/** What the runtime loaded: the socket interceptors where Node can run them (>= 22), else msw's. */
export type InterceptionModules = { sockets: InterceptorModules } | { legacy: LegacyModules }

/**
 * Puts the policy in front of every request and connection the process makes: global `fetch` through
 * a fast path straight into the policy, everything else through the socket layer (or, on Node < 22,
 * msw's interceptors plus a connection guard). Returns the handle that removes it all.
 *
 * @example
 * const interception = installInterception(modules, policy)
 * // ... the tests run ...
 * interception.dispose()
 */
export function installInterception(modules: InterceptionModules, policy: InterceptionPolicy): Interception {
  const mode = 'sockets' in modules ? 'sockets' : 'msw-legacy'
  const removeLayer =
    'sockets' in modules
      ? applySocketLayer(modules.sockets, policy)
      : applyLegacyLayer(modules.legacy, policy)
  const restoreFetch = patchGlobalFetch((request) => policy.request(request))
  // msw 2 patches node:http's functions: `import { request } from 'node:http'` must see them.
  if (mode === 'msw-legacy') syncBuiltinESMExports()
  let disposed = false
  return {
    mode,
    dispose: () => {
      if (disposed) return
      disposed = true
      restoreFetch()
      removeLayer()
      if (mode === 'msw-legacy') syncBuiltinESMExports()
    },
  }
}
