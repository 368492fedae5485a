/**
 * `postmock serve --record <target>` (issue 11): the real CLI in front of a real API on 127.0.0.1.
 * Calls no example answers get the real answer and land in the served collection file (written a
 * moment after, and at SIGTERM), secrets redacted; the mock answers them from then on; a second run
 * records nothing; errors of the real API are 502/504 with a [postmock] message and nothing saved.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import {
  changedLines,
  closedPort,
  examplesNotAnsweringTheirRequest,
  RECORDING_COLLECTION_TEXT,
  recordedExamples,
  startFakeApi,
} from '../../adapter-node/test/recording-kit.js'
import { runCli } from './run-cli.js'
import { rawRequest, type ServeProcess, startServe, waitForLog } from './serve-process.js'

let api: Awaited<ReturnType<typeof startFakeApi>>
let dir: string
let file: string

beforeAll(async () => {
  api = await startFakeApi()
  dir = mkdtempSync(join(tmpdir(), 'postmock-serve-record-'))
  file = join(dir, 'api.postman_collection.json')
  writeFileSync(file, RECORDING_COLLECTION_TEXT)
})

afterAll(async () => {
  await api.close()
})

/** Every server started, so that a failed test leaves none running. */
const started: ServeProcess[] = []

afterEach(async () => {
  for (const server of started.splice(0)) if (server.child.exitCode === null) await server.stop('SIGKILL')
})

async function serve(args: string[], env: Record<string, string | undefined> = {}): Promise<ServeProcess> {
  const server = await startServe(args, { env: { POSTMOCK_RECORD: undefined, ...env } })
  started.push(server)
  return server
}

/** Waits (polling) until `done()` holds: a file written by another process. */
async function until(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!done()) {
    if (Date.now() > end) throw new Error(`still not done after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const serveRecording = (extra: string[] = [], env: Record<string, string | undefined> = {}) =>
  serve([file, '--record', api.origin, '--redact-json', '$.token', ...extra], env)

/** The calls of a client: a saved example, new endpoints, a mock host, secrets, an API 404 with secrets. */
async function clientCalls(server: ServeProcess) {
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.origin}${path}`, { headers })
    return { status: response.status, body: await response.text() }
  }
  return {
    saved: await get('/users/1'),
    widget: await get('/things/widget'),
    health: await rawRequest(server.port, ['GET /health HTTP/1.1', 'Host: abc.mock.pstmn.io']),
    session: await fetch(`${server.origin}/sessions?api_key=k-cli-123`, {
      method: 'POST',
      headers: { authorization: 'Bearer secret-cli', 'content-type': 'application/json' },
      body: '{"user":"ada"}',
    }).then(async (response) => ({ status: response.status, body: await response.text() })),
    missing: await get('/nope?access_token=leak-token', {
      'x-api-key': 'leak-key',
      cookie: 'sid=leak-cookie',
    }),
  }
}

describe('postmock serve --record', () => {
  let written: string

  test('records what no example answers into the served file, redacted; the mock answers it from then on', async () => {
    const server = await serveRecording()
    await waitForLog(server, /Recording: calls no example answers go to http:\/\/127\.0\.0\.1:\d+;/)
    const calls = await clientCalls(server)
    expect(calls.saved).toEqual({ status: 200, body: '{"id":1,"name":"User 1"}' })
    expect(api.hits('/users/1')).toBe(0)
    expect(calls.widget).toEqual({ status: 200, body: '{"name":"widget"}' })
    expect([calls.health.status, calls.health.body]).toEqual([200, 'ok'])
    // the client gets the real answer, secrets and all
    expect(calls.session).toEqual({ status: 201, body: '{"token":"secret-token-123","user":"ada"}' })
    expect(calls.missing).toEqual({ status: 404, body: '{"error":"not found"}' })
    expect(api.received.find((entry) => entry.url.startsWith('/sessions'))?.headers.authorization).toBe(
      'Bearer secret-cli',
    )

    // written a moment later (one write for the burst, or a few); then the mock answers from the file
    const added = () =>
      [...server.stdout().matchAll(/Recorded into api\.postman_collection\.json: (\d) examples? added/g)]
        .map((match) => Number(match[1]))
        .reduce((sum, count) => sum + count, 0)
    await until(() => added() === 4)
    const hits = api.received.length
    expect(await fetch(`${server.origin}/things/widget`).then((r) => r.text())).toBe('{"name":"widget"}')
    expect(api.received.length).toBe(hits)

    expect(await server.stop('SIGTERM')).toBe(0)
    // the log masks keys in the query, as every serve log line does
    expect(server.stdout()).toMatch(/POST \/sessions\?api_key=\*\*\* → 201 from the real API, recorded/)
    expect(server.stdout()).not.toContain('k-cli-123')

    written = readFileSync(file, 'utf8')
    const saved = JSON.parse(written)
    expect(written).toBe(JSON.stringify(saved, null, '\t'))
    const byItem = recordedExamples(saved).map(({ item, example }) => `${item} → ${example.name}`)
    expect(byItem.sort()).toEqual(
      [
        'Create session → 201 Created',
        'GET /health → 200 OK',
        'GET /nope → 404 Not Found',
        'GET /things/widget → 200 OK',
      ].sort(),
    )
  })

  test('secrets never land in the file, from answered or unanswered paths', async () => {
    for (const secret of ['secret-token-123', 'secret-cookie', 'secret-cli', 'k-cli-123', 'leak-'])
      expect(written).not.toContain(secret)
    expect(written).toContain('{{redacted}}')
    expect(await examplesNotAnsweringTheirRequest(JSON.parse(written), api.origin)).toEqual([])
  })

  test('a second run records nothing: the file is byte-identical, the API is not called', async () => {
    const hits = api.received.length
    const server = await serveRecording()
    const calls = await clientCalls(server)
    expect(calls.widget).toEqual({ status: 200, body: '{"name":"widget"}' })
    expect(calls.missing.status).toBe(404)
    expect(await server.stop('SIGTERM')).toBe(0)
    expect(api.received.length).toBe(hits)
    expect(server.stdout()).not.toContain('Recorded into')
    expect(readFileSync(file, 'utf8')).toBe(written)
  })

  test('SIGTERM writes what was recorded since the last write', async () => {
    // The timed write comes 1 s after a recording: on a loaded machine it can come before the signal
    // does, and then a run proves nothing about SIGTERM. Such a run is done again, on a path no
    // example of the runs before answers (Postman's matcher takes a segment 75 % alike).
    for (const [run, name] of ['late', 'tardy', 'overdue'].entries()) {
      const server = await serveRecording()
      expect(await fetch(`${server.origin}/things/${name}`).then((r) => r.status)).toBe(200)
      expect(await server.stop('SIGTERM')).toBe(0)
      const log = server.stdout()
      const stopping = log.indexOf('[postmock] SIGTERM: stopping the server.')
      expect(stopping).toBeGreaterThan(0)
      const recorded = log.indexOf('[postmock] Recorded into api.postman_collection.json: 1 example added.')
      expect(recorded, log).toBeGreaterThan(0)
      expect(recordedExamples(JSON.parse(readFileSync(file, 'utf8'))).map(({ item }) => item)).toContain(
        `GET /things/${name}`,
      )
      if (recorded > stopping) break
      if (run === 2) expect.fail(`the timed write came before SIGTERM in 3 runs; the last log:\n${log}`)
    }
    written = readFileSync(file, 'utf8')
  })

  test('POSTMOCK_RECORD=all wins over --record-mode: a drifted answer refreshes its example', async () => {
    api.drift = true
    try {
      const server = await serveRecording(['--record-mode', 'missing'], { POSTMOCK_RECORD: 'all' })
      await waitForLog(server, /Recording: every call an example answers/)
      const body = await fetch(`${server.origin}/users/1`).then((r) => r.text())
      expect(body).toBe('{"id":"1","name":"User 1","email":"1@example.com"}')
      expect(await server.stop('SIGTERM')).toBe(0)
    } finally {
      api.drift = false
    }
    expect(changedLines(written, readFileSync(file, 'utf8'))).toEqual({
      removed: ['"body": "{\\"id\\":1,\\"name\\":\\"User 1\\"}"'],
      added: ['"body": "{\\"id\\":\\"1\\",\\"name\\":\\"User 1\\",\\"email\\":\\"1@example.com\\"}"'],
    })
  })
})

describe('postmock serve --record: the real API failing', () => {
  let silent: Server
  let silentPort: number
  const sockets = new Set<Socket>()

  beforeAll(async () => {
    // accepts connections and never answers
    silent = createServer((socket) => {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
    })
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    silentPort = (silent.address() as { port: number }).port
  })

  afterAll(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => silent.close(resolve))
  })

  test('unreachable, too slow or too large: 502/504 with a [postmock] message, nothing saved', async () => {
    const before = readFileSync(file, 'utf8')
    const slow = await serve([file, '--record', `http://127.0.0.1:${silentPort}`, '--record-timeout', '300'])
    const timedOut = await fetch(`${slow.origin}/things/slow?apikey=PMAK-0123456789abcdef-0a1b2c3d4e5f`)
    expect(timedOut.status).toBe(504)
    const error = (await timedOut.json()) as { error: { name: string; message: string } }
    expect(error.error.name).toBe('recordError')
    expect(error.error.message).toContain('did not answer within --record-timeout 300 ms')
    expect(await slow.stop('SIGTERM')).toBe(0)
    expect(slow.stderr()).toContain('[postmock] Failed to record GET /things/slow?apikey=PMAK-…4e5f')
    expect(slow.stderr()).not.toContain('0a1b2c3d4e5f')

    const large = await serveRecording(['--max-body', '10'])
    const tooLarge = await fetch(`${large.origin}/things/a-name-long-enough`)
    expect(tooLarge.status).toBe(502)
    expect(await tooLarge.text()).toContain("the real API's answer is larger than --max-body (10 B)")
    expect(await large.stop('SIGTERM')).toBe(0)

    const down = await serve([file, '--record', `http://127.0.0.1:${await closedPort()}`])
    const refused = await fetch(`${down.origin}/things/down`)
    expect(refused.status).toBe(502)
    expect(await refused.text()).toContain('could not be reached (ECONNREFUSED)')
    expect(await down.stop('SIGTERM')).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(before)
  })

  test('usage errors: a flag of recording without --record, a target that is not http(s), a bad mode', async () => {
    const stray = await runCli(['serve', file, '--port', '0', '--record-mode', 'all'])
    expect([stray.code, stray.stderr.trim()]).toEqual([
      2,
      '[postmock] Failed to run postmock serve: --record-mode needs --record <target> (the real API to record from). See postmock serve --help.',
    ])
    const ftp = await runCli(['serve', file, '--port', '0', '--record', 'ftp://api.example.com'])
    expect(ftp.code).toBe(2)
    expect(ftp.stderr).toContain(
      '--record ftp://api.example.com is not an absolute http(s) URL without query',
    )
    const mode = await runCli(['serve', file, '--port', '0', '--record', api.origin, '--record-mode', 'some'])
    expect(mode.stderr).toContain('--record-mode some is neither missing nor all')
    const path = await runCli([
      'serve',
      file,
      '--port',
      '0',
      '--record',
      api.origin,
      '--redact-json',
      '$.items[x]',
    ])
    expect(path.stderr).toContain('--redact-json "$.items[x]" is not a JSON path')
  })
})
