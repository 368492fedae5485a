import type { Socket } from 'node:net'
import { TLSSocket } from 'node:tls'
import type { ConnectionTarget, InterceptionPolicy } from './glossary.js'

/** The parts of `@mswjs/interceptors` (0.45) this layer drives. */
export interface InterceptorModules {
  HttpRequestInterceptor: typeof import('@mswjs/interceptors/http').HttpRequestInterceptor
  SocketInterceptor: typeof import('@mswjs/interceptors/net').SocketInterceptor
  Interceptor: typeof import('@mswjs/interceptors').Interceptor
}

/**
 * How long a refused connection may stay silent before it is closed. HTTP clients write their request
 * as soon as the connection opens, so this applies to protocols where the server speaks first.
 */
const SILENT_CONNECTION_MS = 250

interface SocketController {
  passthrough(...args: unknown[]): unknown
}

/**
 * A guarded connection keeps its HTTP requests (the HTTP layer decides each one, so the report names
 * the URL), but may never reach its target: whatever would pass it through (bytes that are not HTTP)
 * closes it with the refusal instead, and so does silence when `refuseSilence` is set.
 */
function guard(
  socket: Socket,
  controller: SocketController,
  refusal: () => Error,
  refuseSilence: boolean,
): void {
  let refused = false
  let heard = false
  const refuse = () => {
    if (refused || socket.destroyed) return
    refused = true
    socket.destroy(refusal())
  }
  controller.passthrough = () => {
    // The interceptors pass a connection through when its client reads before it writes. To a served
    // origin that is an HTTP client writing late: keep waiting for its bytes.
    if (heard || refuseSilence) refuse()
    return socket
  }
  const silence = refuseSilence ? setTimeout(refuse, SILENT_CONNECTION_MS) : undefined
  silence?.unref?.()
  socket.once('data', () => {
    heard = true
    clearTimeout(silence)
  })
  socket.once('close', () => clearTimeout(silence))
}

function targetOf(options: { host?: unknown; port?: unknown }, tls: boolean): ConnectionTarget {
  const host = typeof options.host === 'string' && options.host ? options.host : 'localhost'
  const port = Number(options.port) || (tls ? 443 : 80)
  return { host, port, tls }
}

/**
 * Applies the socket-level interceptors: every `net.Socket` connection (whatever client made it, and
 * however `node:net`/`node:http` was imported) is intercepted before any DNS lookup; HTTP on it is
 * parsed and decided by `policy.request`, anything else by `policy.connection`.
 * Returns the function that removes the patches.
 */
export function applySocketLayer(modules: InterceptorModules, policy: InterceptionPolicy): () => void {
  const owner = {}
  const http = new modules.HttpRequestInterceptor()
  http.on('request', async ({ request, controller }) => {
    const verdict = await policy.request(request)
    if (verdict.kind === 'respond') controller.respondWith(verdict.response)
    else if (verdict.kind === 'refuse' || verdict.kind === 'fail') controller.errorWith(verdict.error)
  })
  http.apply()

  const sockets = modules.Interceptor.singleton(modules.SocketInterceptor)
  sockets.apply(owner)
  type OnConnection = Parameters<typeof sockets.on<'connection'>>[1]
  const onConnection: OnConnection = ({ socket, controller, connectionOptions }) => {
    const verdict = policy.connection(targetOf(connectionOptions, socket instanceof TLSSocket))
    if (verdict !== 'allow') {
      guard(socket, controller as unknown as SocketController, verdict.refuse, verdict.refuseSilence)
    }
  }
  sockets.on('connection', onConnection)
  return () => {
    sockets.removeListener('connection', onConnection)
    sockets.dispose(owner)
    http.dispose()
  }
}
