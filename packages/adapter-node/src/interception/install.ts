import { patchGlobalFetch } from './fetch-fast-path.js'
import type { Interception, InterceptionPolicy } from './glossary.js'
import { applySocketLayer, type InterceptorModules } from './socket-layer.js'

/**
 * Puts the policy in front of every request and connection the process makes: global `fetch` through
 * a fast path straight into the policy, everything else (undici, node:http/https however imported, a
 * fetch kept from before, XMLHttpRequest under jsdom, raw sockets) through the socket layer. Returns
 * the handle that removes it all.
 *
 * @example
 * const interception = installInterception(modules, policy)
 * // ... the tests run ...
 * interception.dispose()
 */
export function installInterception(modules: InterceptorModules, policy: InterceptionPolicy): Interception {
  const removeLayer = applySocketLayer(modules, policy)
  const restoreFetch = patchGlobalFetch((request) => policy.request(request))
  let disposed = false
  return {
    dispose: () => {
      if (disposed) return
      disposed = true
      restoreFetch()
      removeLayer()
    },
  }
}
