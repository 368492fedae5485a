import { Socket } from 'node:net'
import { TLSSocket } from 'node:tls'
import type { http as mswHttp } from 'msw'
import type { setupServer as mswSetupServer } from 'msw/node'
import type { ConnectionTarget, InterceptionPolicy } from './glossary.js'

/** msw's pieces the legacy layer needs (msw 2 on Node 20, where the socket interceptors cannot run). */
export interface LegacyModules {
  http: typeof mswHttp
  setupServer: typeof mswSetupServer
}

/** The connection a `Socket.prototype.connect(...)` call asks for, or `undefined` for an IPC path. */
function connectTarget(socket: Socket, args: unknown[]): ConnectionTarget | undefined {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0]
  const tls = socket instanceof TLSSocket
  if (first && typeof first === 'object') {
    const options = first as { host?: unknown; port?: unknown; path?: unknown }
    if (typeof options.path === 'string') return undefined
    const host = typeof options.host === 'string' && options.host ? options.host : 'localhost'
    return { host, port: Number(options.port) || (tls ? 443 : 80), tls }
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return undefined
  const host = typeof args[1] === 'string' ? args[1] : 'localhost'
  return { host, port: Number(first), tls }
}

/**
 * Node < 22 (msw 2): msw's own interceptors serve global fetch and `http.ClientRequest` through one
 * dispatcher handler, and a guard on `Socket.prototype.connect` refuses every other connection the
 * policy refuses (undici's own API, a fetch captured before start, raw sockets), before any DNS
 * lookup. Nothing leaks; such clients are refused rather than served.
 */
export function applyLegacyLayer(modules: LegacyModules, policy: InterceptionPolicy): () => void {
  const dispatcher = modules.http.all('*', async ({ request }) => {
    const verdict = await policy.request(request)
    if (verdict.kind === 'respond') return verdict.response
    if (verdict.kind === 'refuse') return Response.error()
    return undefined
  })
  const server = modules.setupServer(dispatcher)
  // msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame: the dispatcher answers everything anyway.
  server.listen({ onUnhandledRequest: 'bypass', onUnhandledFrame: 'bypass' } as Parameters<
    typeof server.listen
  >[0])

  const realConnect = Socket.prototype.connect
  const guardedConnect = function (this: Socket, ...args: unknown[]) {
    const target = connectTarget(this, args)
    const verdict = target ? policy.connection(target) : 'allow'
    if (verdict === 'allow') return (realConnect as (...a: unknown[]) => Socket).apply(this, args)
    const error = verdict.refuse()
    process.nextTick(() => this.destroy(error))
    return this
  }
  Socket.prototype.connect = guardedConnect as typeof realConnect
  return () => {
    if (Socket.prototype.connect === guardedConnect) Socket.prototype.connect = realConnect
    server.close()
  }
}
