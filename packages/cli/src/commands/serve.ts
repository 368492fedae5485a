import { createServer } from 'node:http'
import { cliError, usageError } from '../cli-error.js'
import { oneFile, parseCommandLine } from '../command-line.js'
import { palette } from '../output/colours.js'
import { type CliIo, out } from '../output/io.js'
import { formatByteSize } from '../serve/byte-size.js'
import { DroppedHeaderWarnings } from '../serve/header-warnings.js'
import { type Exchange, InFlight } from '../serve/in-flight.js'
import { loadServed } from '../serve/load-served.js'
import { LogBuffer } from '../serve/log-buffer.js'
import { logLine } from '../serve/log-line.js'
import { RECORD_WRITE_DELAY_MS, RecordProxy } from '../serve/record-proxy.js'
import { RECORD_OPTIONS, recordSettings } from '../serve/record-settings.js'
import { createRequestHandler } from '../serve/request-handler.js'
import { LIMIT_OPTIONS, serveLimits } from '../serve/serve-options.js'
import { guardServer, serverOptions } from '../serve/server-settings.js'
import { stopServer } from '../serve/shutdown.js'
import { SERVE_HELP } from './help-texts.js'

export { DEFAULT_MOCK_ID } from '../serve/load-served.js'

const options = {
  environment: { type: 'string', short: 'e' },
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  mock: { type: 'string', short: 'm' },
  private: { type: 'boolean' },
  'api-key': { type: 'string' },
  ...LIMIT_OPTIONS,
  ...RECORD_OPTIONS,
  help: { type: 'boolean', short: 'h' },
} as const

function parsePort(text: string | undefined): number {
  if (text === undefined) return 3000
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65535)
    throw usageError('serve', `--port ${text} is not a port number (0-65535)`)
  return port
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const failed = `start the server on ${host}:${port}`
  if (error.code === 'EADDRINUSE') {
    return cliError(
      failed,
      'the port is already in use',
      'Stop the process that uses it, or pick another port with --port',
    )
  }
  if (error.code === 'EACCES') return cliError(failed, 'permission denied', 'Use a port above 1023')
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
    return cliError(failed, `${host} is not an address of this machine`, 'Check --host')
  }
  return cliError(failed, error.message)
}

/** Resolves with the first of SIGINT / SIGTERM, then again with the next one (a second Ctrl-C). */
function signals(): { first: Promise<string>; second: Promise<void>; off: () => void } {
  let count = 0
  let onFirst: (signal: string) => void = () => undefined
  let onSecond: () => void = () => undefined
  const first = new Promise<string>((resolve) => {
    onFirst = resolve
  })
  const second = new Promise<void>((resolve) => {
    onSecond = resolve
  })
  const handler = (signal: string) => {
    count++
    if (count === 1) onFirst(signal)
    else onSecond()
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return {
    first,
    second,
    off: () => {
      process.off('SIGINT', handler)
      process.off('SIGTERM', handler)
    },
  }
}

/**
 * `postmock serve`: an HTTP server answering like `<mockId>.mock.pstmn.io`, until SIGINT or SIGTERM,
 * which stop it gracefully (see {@link stopServer}).
 *
 * @example
 * process.exitCode = await serveCommand(['postman', '--port', '3000'], processIo())
 */
export async function serveCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine('serve', argv, options)
  if (values.help) {
    out(io, SERVE_HELP)
    return 0
  }
  const file = oneFile('serve', positionals, 'a collection or a postmock.config.json')
  const port = parsePort(values.port)
  const host = values.host ?? '127.0.0.1'
  const { 'redact-header': _h, 'redact-query': _q, 'redact-json': _j, ...flags } = values
  const limits = serveLimits(flags)
  const recording = recordSettings(values, io.env)
  const colours = palette(io)
  const exchanges = new WeakMap<Request, Exchange>()
  const served = await loadServed(file, flags, io, (call, request) => {
    const exchange = exchanges.get(request)
    if (exchange) exchange.call = call
  })
  const log = new LogBuffer(io)
  let recorder: RecordProxy | undefined
  if (recording) {
    const { collection } = served
    if (!collection)
      throw usageError(
        'serve',
        '--record writes into a collection file, and a postmock.config.json serves several; serve the collection to record into',
      )
    recorder = new RecordProxy(recording, served, collection, {
      maxBody: limits.maxBody,
      dropApiKey: values.private === true,
      io,
      log: (line) => log.push(line),
    })
  }
  const inFlight = new InFlight((exchange) => {
    log.push(
      logLine(colours, {
        method: exchange.method,
        target: exchange.target,
        ms: Math.round(performance.now() - exchange.started),
        status: exchange.answered ? exchange.response.statusCode : undefined,
        call: exchange.call,
        note: exchange.note,
        unanswered: exchange.cut ? 'closed at the --drain deadline' : 'the client closed the connection',
      }),
    )
  })
  const handler = createRequestHandler({
    served,
    maxBody: limits.maxBody,
    inFlight,
    exchanges,
    headerWarnings: new DroppedHeaderWarnings(io),
    io,
    ...(recorder ? { recorder } : {}),
  })
  const server = createServer(serverOptions(limits), handler)
  guardServer(server, limits, io)
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', (error: NodeJS.ErrnoException) => rejectListen(listenError(error, host, port)))
    server.listen(port, host, () => resolveListen())
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  const shownHost = host.includes(':') ? `[${host}]` : host
  out(io, `[postmock] Serving on http://${shownHost}:${actualPort}`)
  for (const line of served.banner) out(io, `  ${line}`)
  if (recording && served.collection) {
    const sent =
      recording.mode === 'all'
        ? 'every call an example answers, and every call none answers,'
        : 'calls no example answers'
    out(
      io,
      `  Recording: ${sent} go to ${recording.target}; the answers are saved into ${served.collection.file}`,
    )
    out(
      io,
      `  (written ${RECORD_WRITE_DELAY_MS} ms after a recording and at shutdown; recorded examples answer from then on)`,
    )
  }
  out(
    io,
    colours.dim(
      `Bodies up to ${formatByteSize(limits.maxBody)}, ${limits.maxConnections} connections at most. Press Ctrl-C to stop.`,
    ),
  )

  const stop = signals()
  const signal = await stop.first
  log.flush()
  const cut = await stopServer(server, inFlight, { drainMs: limits.drainMs, io, signal, now: stop.second })
  stop.off()
  const saved = recorder ? await recorder.close() : true
  log.flush()
  // core's x-mock-response-delay timers of the requests cut cannot be cancelled from here: without
  // this they would hold the process for up to 180 s after the server is gone.
  if (cut > 0) io.stdout.write('', () => process.exit(saved ? 0 : 1))
  return saved ? 0 : 1
}
