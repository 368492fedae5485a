import { STATUS_CODES } from 'node:http'
import { connect } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createPostmanMock } from '@postmock/core'
import { loadCollection, loadEnvironment } from '@postmock/core/node'
import { describe, expect, it } from 'vitest'
import { DEFAULT_MOCK_ID } from '../src/serve/load-served.js'
import { COLLECTION, ENVIRONMENT } from './serve-kit.js'
import { startServe } from './serve-process.js'

const BOX = fileURLToPath(
  new URL('../../../test/fixtures/collections/box-platform.postman_collection.json', import.meta.url),
)
const ORIGIN = `https://${DEFAULT_MOCK_ID}.mock.pstmn.io`
/** What Node adds to every answer and the comparison leaves out. */
const CONNECTION_HEADERS = /^(date|connection|keep-alive):/i
const FIELD = /^[\t\x20-\x7e]*$/

interface Call {
  method: string
  target: string
  headers: Array<[string, string]>
}

/** The raw bytes of one answer over a fresh connection, without Node's Date and connection headers. */
function rawAnswer(port: number, call: Call): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const head = [
      `${call.method} ${call.target} HTTP/1.1`,
      'Host: localhost',
      ...call.headers.map(([name, value]) => `${name}: ${value}`),
      'Connection: close',
    ]
    socket.write(`${head.join('\r\n')}\r\n\r\n`)
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const bytes = Buffer.concat(chunks)
      const split = bytes.indexOf('\r\n\r\n')
      const lines = bytes.subarray(0, split).toString('latin1').split('\r\n')
      const kept = lines.filter((line) => !CONNECTION_HEADERS.test(line)).join('\r\n')
      resolve(Buffer.concat([Buffer.from(kept, 'latin1'), bytes.subarray(split)]))
    })
  })
}

/** The bytes `respond()`'s Response stands for on the wire: status line, its headers, its body. */
async function expectedBytes(response: Response, method: string): Promise<Buffer> {
  const body = Buffer.from(await response.bytes())
  const { status } = response
  const bodyless = status === 204 || status === 304 || status < 200
  const reason = response.statusText || STATUS_CODES[status] || 'unknown'
  const lines = [`HTTP/1.1 ${status} ${reason}`]
  for (const [name, value] of response.headers) if (name !== 'set-cookie') lines.push(`${name}: ${value}`)
  for (const cookie of response.headers.getSetCookie()) lines.push(`set-cookie: ${cookie}`)
  if (!bodyless) lines.push(`content-length: ${body.byteLength}`)
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1')
  return bodyless || method === 'HEAD' ? head : Buffer.concat([head, body])
}

async function compareAll(args: string[], collectionPath: string, environmentPath?: string): Promise<number> {
  const collection = await loadCollection(collectionPath)
  const environment = environmentPath ? await loadEnvironment(environmentPath) : undefined
  const mock = createPostmanMock(collection, {
    ...(environment ? { environment } : {}),
    callLog: 0,
    onWarning: () => undefined,
  })
  const calls: Call[] = []
  for (const example of mock.examples) {
    // as a client sends it: <, >, spaces… percent-encoded
    const url = new URL(`${example.path}${example.query ? `?${example.query}` : ''}`, ORIGIN)
    const target = `${url.pathname}${url.search}`
    const chosen: Array<[string, string]> =
      example.id !== undefined
        ? [['x-mock-response-id', example.id]]
        : FIELD.test(example.name)
          ? [['x-mock-response-name', example.name]]
          : []
    calls.push({ method: example.method, target, headers: chosen })
    if (example.method === 'GET') calls.push({ method: 'HEAD', target, headers: chosen })
  }
  calls.push({ method: 'GET', target: '/nothing/here', headers: [] })
  calls.push({
    method: 'OPTIONS',
    target: '/nothing/here',
    headers: [
      ['Origin', 'https://app.test'],
      ['Access-Control-Request-Method', 'PUT'],
    ],
  })
  const server = await startServe(args)
  try {
    for (const call of calls) {
      const request = new Request(`${ORIGIN}${call.target}`, { method: call.method, headers: call.headers })
      const response = await mock.respond(request)
      expect(response, `${call.method} ${call.target}`).toBeDefined()
      const expected = await expectedBytes(response!, call.method)
      const actual = await rawAnswer(server.port, call)
      expect(actual.toString('latin1'), `${call.method} ${call.target}`).toBe(expected.toString('latin1'))
    }
  } finally {
    await server.stop()
  }
  return calls.length
}

describe('postmock serve writes the bytes respond() gives', () => {
  it('for every example of the seed collection, HEAD, not found and preflight included', async () => {
    expect(
      await compareAll([COLLECTION, '--environment', ENVIRONMENT], COLLECTION, ENVIRONMENT),
    ).toBeGreaterThan(4)
  })

  it('for every example of box-platform', async () => {
    expect(await compareAll([BOX], BOX)).toBeGreaterThan(200)
  }, 60_000)
})
