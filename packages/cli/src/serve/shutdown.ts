import type { Server } from 'node:http'
import { formatMessage } from '@postmock/core'
import { type CliIo, err, out, plural } from '../output/io.js'
import type { InFlight } from './in-flight.js'

function waitFor(ms: number, also: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms)
    }),
    also,
  ]).finally(() => clearTimeout(timer))
}

/**
 * Stops a server gracefully: it stops accepting connections at once, lets the requests in flight be
 * answered (each answer closes its connection) for up to `drainMs`, or until `now` resolves (a second
 * Ctrl-C), then closes the connections of those still waiting (a pending `x-mock-response-delay`)
 * without an answer, and every idle connection. Resolves with how many requests were closed so.
 *
 * @example
 * const cut = await stopServer(server, inFlight, { drainMs: 5000, io, signal: 'SIGTERM', now })
 */
export async function stopServer(
  server: Server,
  inFlight: InFlight,
  options: { drainMs: number; io: CliIo; signal: string; now: Promise<void> },
): Promise<number> {
  const { drainMs, io, signal } = options
  const waiting = inFlight.size
  out(io, `[postmock] ${signal}: stopping the server.`)
  if (waiting > 0) {
    out(
      io,
      `[postmock] Waiting up to ${drainMs} ms for ${plural(waiting, 'request')} in flight (${signal === 'SIGINT' ? 'Ctrl-C' : signal} again stops at once).`,
    )
  }
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  const drained = inFlight.drain()
  await waitFor(drainMs, Promise.race([drained, options.now]))
  const cut = inFlight.cut()
  server.closeAllConnections()
  await waitFor(1000, closed)
  if (cut > 0) {
    err(
      io,
      formatMessage(
        `answer ${plural(cut, 'request')} before the --drain deadline (${drainMs} ms)`,
        'their connections were closed without an answer',
        'Give them longer with --drain <ms>',
      ),
    )
  }
  return cut
}
