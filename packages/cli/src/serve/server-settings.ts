import type { Server, ServerOptions } from 'node:http'
import { formatMessage } from '@postmock/core'
import { type CliIo, err } from '../output/io.js'
import type { ServeLimits } from './serve-options.js'

/**
 * The `createServer` options for these limits. Node checks the header and request timeouts every
 * `connectionsCheckingInterval` (30 s by default, which would let a 10 s timeout run to 40 s): here
 * every second, or more often for shorter timeouts. A request without a body (most of them) gets a
 * body stream that has ended already (Node 24.12+), which spares it the stream's events.
 *
 * @example
 * createServer(serverOptions(limits), listener)
 */
export function serverOptions(limits: ServeLimits): ServerOptions {
  const timeouts = [limits.headersTimeoutMs, limits.requestTimeoutMs].filter((ms) => ms > 0)
  const shortest = timeouts.length > 0 ? Math.min(...timeouts) : 4000
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(shortest / 4))),
    optimizeEmptyRequests: true,
  }
}

const DROP_WARNING_EVERY_MS = 10_000

/**
 * Caps the open connections at `limits.maxConnections` (one more is closed at once; a warning says
 * so, at most every 10 s) and keeps a server error after start-up (too many open files, say) from
 * ending the process: it is printed and the server goes on.
 *
 * @example
 * guardServer(server, limits, io)
 */
export function guardServer(server: Server, limits: ServeLimits, io: CliIo): void {
  server.maxConnections = limits.maxConnections
  let warnedAt = Number.NEGATIVE_INFINITY
  let dropped = 0
  server.on('drop', () => {
    dropped++
    const now = performance.now()
    if (now - warnedAt < DROP_WARNING_EVERY_MS) return
    warnedAt = now
    err(
      io,
      formatMessage(
        `accept ${dropped === 1 ? 'a connection' : `${dropped} connections`}`,
        `--max-connections ${limits.maxConnections} are open already, so it was closed at once`,
        'Let the clients reuse their connections, or raise --max-connections',
      ),
    )
    dropped = 0
  })
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (!server.listening) return // start-up errors are the caller's
    err(io, formatMessage('accept a connection', error.message, 'The server goes on'))
  })
}
