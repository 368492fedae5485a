import { readFile, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createPostmanMock, type PostmanMock } from '@postmock/core'
import { loadCollection, loadEnvironment, loadPostmockConfig } from '@postmock/core/node'
import { cliError, usageError } from '../cli-error.js'
import { CONFIG_FILE_NAME } from '../config/postmock-config.js'
import { palette } from '../output/colours.js'
import { type CliIo, err, out, plural } from '../output/io.js'
import { findCall, logLine } from '../serve/log-line.js'
import { toFetchRequest } from '../serve/to-fetch-request.js'
import { writeResponse } from '../serve/write-response.js'
import { SERVE_HELP } from './help-texts.js'

/** The mock id a bare collection answers as, on this server's own host. */
export const DEFAULT_MOCK_ID = 'postmock'

const options = {
  environment: { type: 'string', short: 'e' },
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  mock: { type: 'string', short: 'm' },
  private: { type: 'boolean' },
  'api-key': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

interface Served {
  mock: PostmanMock
  /** What answers on this server's own host. */
  defaultHost: string
  /** One line per served mock, for the start-up banner. */
  banner: string[]
}

async function isConfigFile(path: string): Promise<boolean> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw cliError(
      `read ${path}`,
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'the file does not exist'
        : (error as Error).message,
      'Check the path',
    )
  }
  try {
    const parsed = JSON.parse(text) as { mocks?: unknown }
    return Array.isArray(parsed?.mocks)
  } catch {
    return false // loadCollection names the JSON error
  }
}

/** What a private mock accepts, for the banner (never the key itself). */
function keyRule(apiKeys: string[] | undefined): string {
  return apiKeys
    ? 'calls need x-api-key with the key given'
    : 'calls need an x-api-key header, any value (pass --api-key to require one)'
}

function countRequests(mock: PostmanMock): string {
  const requests = new Set(mock.examples.map((example) => `${example.folders.join('/')}/${example.request}`))
    .size
  return `${plural(requests, 'request')}, ${plural(mock.examples.length, 'example')}`
}

async function load(
  source: string,
  values: Record<string, string | boolean | undefined>,
  io: CliIo,
): Promise<Served> {
  let path = resolve(io.cwd, source)
  if ((await stat(path).catch(() => undefined))?.isDirectory()) path = join(path, CONFIG_FILE_NAME)
  const apiKey = (values['api-key'] as string | undefined) ?? io.env.POSTMAN_API_KEY
  const apiKeys = apiKey ? [apiKey] : undefined
  const onWarning = (warning: { message: string }) => err(io, warning.message)

  if (await isConfigFile(path)) {
    if (values.environment)
      throw usageError('serve', 'a postmock.config.json names its own environments; drop --environment')
    if (values.private)
      throw usageError('serve', 'a postmock.config.json sets "private" per mock; drop --private')
    const config = await loadPostmockConfig(path)
    const ids = config.mocks.map((entry) => entry.id)
    const chosen = (values.mock as string | undefined) ?? ids[0]
    if (!chosen || !ids.includes(chosen)) {
      throw usageError(
        'serve',
        `--mock ${chosen} is not in ${source} (it has: ${ids.join(', ') || 'no mocks'})`,
      )
    }
    const mock = createPostmanMock(config, { apiKeys, onWarning })
    const banner = config.mocks.map(
      (entry) =>
        `https://${entry.id}.mock.pstmn.io${entry.private ? ` (private: ${keyRule(apiKeys)})` : ''}${entry.id === chosen ? " ← this server's own host" : ''}`,
    )
    return { mock, defaultHost: `${chosen}.mock.pstmn.io`, banner }
  }

  if (values.mock && !/^[a-z0-9-]+$/i.test(values.mock as string)) {
    throw usageError('serve', `--mock ${values.mock} is not a valid mock id (one DNS label)`)
  }
  const collection = await loadCollection(path)
  const environment = values.environment
    ? await loadEnvironment(resolve(io.cwd, values.environment as string))
    : undefined
  const mock = createPostmanMock(collection, {
    ...(environment ? { environment } : {}),
    private: values.private === true,
    apiKeys,
    onWarning,
  })
  const id = (values.mock as string | undefined) ?? DEFAULT_MOCK_ID
  return {
    mock,
    defaultHost: `${id}.mock.pstmn.io`,
    banner: [
      `https://${id}.mock.pstmn.io (${countRequests(mock)}${values.private ? `; private: ${keyRule(apiKeys)}` : ''}); any <id>.mock.pstmn.io Host too`,
    ],
  }
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 3000
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65535)
    throw usageError('serve', `--port ${text} is not a port number (0-65535)`)
  return port
}

/** `postmock serve`: an HTTP server answering like `<mockId>.mock.pstmn.io`, until SIGINT or SIGTERM. */
export async function serveCommand(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof options; allowPositionals: true; args: string[] }>
  >
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true })
  } catch (error) {
    throw usageError('serve', (error as Error).message)
  }
  const { values, positionals } = parsed
  if (values.help) {
    out(io, SERVE_HELP)
    return 0
  }
  if (positionals.length !== 1) {
    throw usageError(
      'serve',
      positionals.length === 0
        ? 'it needs a collection or a postmock.config.json'
        : `it takes one file, got ${positionals.length}`,
    )
  }
  const port = parsePort(values.port)
  const host = values.host ?? '127.0.0.1'
  const served = await load(positionals[0]!, values, io)
  const colours = palette(io)

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now()
    const method = (request.method ?? 'GET').toUpperCase()
    const path = request.url ?? '/'
    try {
      const fetchRequest = await toFetchRequest(request, served.defaultHost)
      const answer = await served.mock.respond(fetchRequest)
      if (!answer) {
        const body = JSON.stringify({
          error: { name: 'mockNotFoundError', message: 'Please refresh and try again.' },
        })
        response.writeHead(404, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        })
        response.end(body)
        const ms = Math.round(performance.now() - started)
        out(
          io,
          logLine(colours, {
            method,
            path,
            status: 404,
            ms,
            call: undefined,
            note: `no mock served at ${new URL(fetchRequest.url).host}`,
          }),
        )
        return
      }
      await writeResponse(response, answer, method)
      const call = findCall(served.mock.calls(), method, fetchRequest.url)
      out(
        io,
        logLine(colours, {
          method,
          path,
          status: answer.status,
          ms: Math.round(performance.now() - started),
          call,
        }),
      )
    } catch (error) {
      const message = (error as Error)?.message ?? String(error)
      err(
        io,
        message.startsWith('[postmock]')
          ? message
          : `[postmock] Failed to answer ${method} ${path}: ${message}.`,
      )
      if (!response.headersSent) {
        const body = JSON.stringify({ error: { name: 'postmockError', message } })
        response.writeHead(500, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        })
        response.end(body)
      } else response.destroy()
    }
  }

  const server = createServer((request, response) => {
    void handle(request, response)
  })
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        rejectListen(
          cliError(
            `start the server on ${host}:${port}`,
            'the port is already in use',
            'Stop the process that uses it, or pick another port with --port',
          ),
        )
      } else if (error.code === 'EACCES') {
        rejectListen(
          cliError(`start the server on ${host}:${port}`, 'permission denied', 'Use a port above 1023'),
        )
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        rejectListen(
          cliError(
            `start the server on ${host}:${port}`,
            `${host} is not an address of this machine`,
            'Check --host',
          ),
        )
      } else rejectListen(cliError(`start the server on ${host}:${port}`, error.message))
    })
    server.listen(port, host, () => resolveListen())
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  const shownHost = host.includes(':') ? `[${host}]` : host
  out(io, `[postmock] Serving on http://${shownHost}:${actualPort}`)
  for (const line of served.banner) out(io, `  ${line}`)
  out(io, colours.dim('Press Ctrl-C to stop.'))

  return new Promise<number>((resolveExit) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt)
      process.off('SIGTERM', onTerm)
      out(io, `[postmock] ${signal}: stopping the server.`)
      server.close(() => resolveExit(0))
      server.closeAllConnections()
    }
    const onInt = () => stop('SIGINT')
    const onTerm = () => stop('SIGTERM')
    process.on('SIGINT', onInt)
    process.on('SIGTERM', onTerm)
  })
}
