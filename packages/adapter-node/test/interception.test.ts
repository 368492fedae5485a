/**
 * The interception layer under a session, driven directly: every client a test process may use is
 * answered from the collection or refused, below HTTP too. "The network" is a loopback server that
 * counts connections, or a `.invalid` host with DNS lookups counted (and never made).
 */
import https from 'node:https'
import net from 'node:net'
import tls from 'node:tls'
import { HttpResponse, http as mswHttp } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { createPostmockSession, type PostmockSession } from '../src/index.js'
import { countingServer, countLookups, httpsStatus, rawExchange } from './network-kit.js'
import { COLLECTION, ENVIRONMENT } from './project-kit.js'

// A client created when its module loads, before the session starts (a typed API client, say).
const moduleLoadFetch = globalThis.fetch

const lookups = countLookups()

const REDIRECTS = {
  info: { name: 'redirects', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [
    {
      name: 'Old home',
      request: { method: 'GET', url: 'https://moved.example.com/old' },
      response: [
        {
          name: 'Moved',
          code: 302,
          header: [{ key: 'Location', value: '/new' }],
          body: '',
          originalRequest: { method: 'GET', url: 'https://moved.example.com/old' },
        },
      ],
    },
    {
      name: 'New home',
      request: { method: 'GET', url: 'https://moved.example.com/new' },
      response: [
        {
          name: 'Here',
          code: 200,
          header: [{ key: 'Content-Type', value: 'text/plain' }],
          body: 'new home',
          originalRequest: { method: 'GET', url: 'https://moved.example.com/new' },
        },
      ],
    },
  ],
}

describe('one session, every client', () => {
  let session: PostmockSession
  let network: Awaited<ReturnType<typeof countingServer>>
  let database: Awaited<ReturnType<typeof countingServer>>
  beforeAll(async () => {
    network = await countingServer()
    database = await countingServer()
    session = createPostmockSession(
      [COLLECTION, { collection: REDIRECTS, baseUrls: ['https://moved.example.com'] }],
      { environment: ENVIRONMENT, baseUrls: ['https://api.example.com'] },
    )
    await session.start()
  })
  afterEach(() => {
    lookups.length = 0
  })
  afterAll(async () => {
    session.stop()
    await network.close()
    await database.close()
  })

  test('a fetch captured at module load is served through the socket layer', async () => {
    expect(moduleLoadFetch).not.toBe(globalThis.fetch)
    const response = await moduleLoadFetch('https://api.example.com/users/1')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ id: 1 })
    session.mocks.use({ code: 401 })
    expect((await moduleLoadFetch('https://abc.mock.pstmn.io/users/1')).status).toBe(401)
    expect(session.mocks.calls().map((call) => call.status)).toEqual([200, 401])
    await session.endTest()
  })

  test('a named import of node:https is served', async () => {
    expect(await httpsStatus('https://api.example.com/users/1')).toBe(200)
    await session.endTest()
  })

  test('a served request whose client writes late is still served (silence refuses only unserved hosts)', async () => {
    const status = await new Promise<number | undefined>((done, fail) => {
      const request = https.request('https://api.example.com/users/1', (response) => {
        response.resume()
        done(response.statusCode)
      })
      request.on('error', fail)
      setTimeout(() => request.end(), 400)
    })
    expect(status).toBe(200)
    await session.endTest()
  })

  test('HTTP written by hand on a TLS socket is served', async () => {
    const answer = await rawExchange(
      () => tls.connect({ host: 'abc.mock.pstmn.io', port: 443, servername: 'abc.mock.pstmn.io' }),
      'GET /users/1 HTTP/1.1\r\nHost: abc.mock.pstmn.io\r\nConnection: close\r\n\r\n',
    )
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
    expect(answer).toContain('"id"')
    await session.endTest()
  })

  test('global fetch answers carry the URL, follow redirects and honour abort signals', async () => {
    const response = await fetch('https://moved.example.com/old')
    expect([response.status, response.url, response.redirected]).toEqual([
      200,
      'https://moved.example.com/new',
      true,
    ])
    expect(await response.text()).toBe('new home')
    const manual = await fetch('https://moved.example.com/old', { redirect: 'manual' })
    expect([manual.status, manual.headers.get('location')]).toEqual([302, '/new'])
    await expect(fetch('https://moved.example.com/old', { redirect: 'error' })).rejects.toThrow(
      'fetch failed',
    )
    await expect(fetch('https://api.example.com/users/1', { signal: AbortSignal.abort() })).rejects.toThrow(
      /aborted/i,
    )
    await session.endTest()
  })

  test('HTTP to an unserved loopback origin is refused for every client, with no connection', async () => {
    const url = `http://127.0.0.1:${network.port}/secret`
    await expect(fetch(url)).rejects.toThrow('fetch failed')
    await expect(moduleLoadFetch(url)).rejects.toThrow('fetch failed')
    const raw = await rawExchange(
      () => net.connect(network.port, '127.0.0.1'),
      'GET /secret HTTP/1.1\r\nHost: x\r\n\r\n',
    )
    expect(raw).toMatch(/^error: \[postmock\] Failed to send GET http:\/\/127\.0\.0\.1/)
    expect(network.count).toBe(0)
    await expect(session.endTest()).rejects.toThrow(/3 requests in this test[\s\S]*Failed to send GET/)
  })

  test('a connection to a host no collection serves is refused before any DNS lookup', async () => {
    const bytes = await rawExchange(
      () => net.connect(5432, 'db.example.invalid'),
      '\u0000\u0000\u0000\u0008PING',
    )
    expect(bytes).toMatch(/^error: \[postmock\] Failed to connect to db\.example\.invalid:5432/)
    // A protocol where the server speaks first: the client writes nothing.
    const silent = await rawExchange(() => net.connect(3306, 'mysql.example.invalid'))
    expect(silent).toMatch(/^error: \[postmock\] Failed to connect to mysql\.example\.invalid:3306/)
    const tlsBytes = await rawExchange(
      () => tls.connect({ host: 'smtp.example.invalid', port: 465, servername: 'smtp.example.invalid' }),
      'EHLO x\r\n',
    )
    expect(tlsBytes).toMatch(/^error: \[postmock\] Failed to connect to smtp\.example\.invalid:465/)
    expect(lookups).toEqual([])
    await expect(session.endTest()).rejects.toThrow(/3 requests in this test[\s\S]*a TLS connection/)
  })

  test('non-HTTP bytes to loopback (a test database) are allowed', async () => {
    const answer = await rawExchange(() => net.connect(database.port, '127.0.0.1'), 'PING\r\n')
    expect(answer).toBe('echo PING\r\n')
    expect(database.count).toBe(1)
    await session.endTest()
  })

  test('a WebSocket to an unserved origin fails its test, with no connection', async () => {
    const outcome = await new Promise<string>((done) => {
      const socket = new WebSocket(`ws://127.0.0.1:${network.port}/live`)
      socket.onerror = () => done('error')
      socket.onopen = () => done('open')
    })
    expect(outcome).toBe('error')
    expect(network.count).toBe(0)
    await expect(session.endTest()).rejects.toThrow(
      `[postmock] Failed to open a WebSocket to ws://127.0.0.1:${network.port}/live`,
    )
  })

  test('server.use() handlers answer first, for every client, until resetHandlers()', async () => {
    session.mocks.server.use(
      mswHttp.get('https://api.example.com/users/:id', () => HttpResponse.json({ own: true })),
    )
    expect(await (await fetch('https://api.example.com/users/1')).json()).toEqual({ own: true })
    expect(await (await moduleLoadFetch('https://api.example.com/health')).status).toBe(404)
    session.mocks.server.resetHandlers()
    expect(session.mocks.server.listHandlers()).toEqual([])
    expect(await (await fetch('https://api.example.com/users/1')).json()).toMatchObject({ id: 1 })
    await expect(session.endTest()).rejects.toThrow(/Failed to match GET https:\/\/api\.example\.com\/health/)
  })
})

describe('passthrough and loopbackSockets', () => {
  test("loopbackSockets: 'refuse' refuses non-HTTP to loopback unless its host:port is in passthrough", async () => {
    const allowed = await countingServer()
    const refused = await countingServer()
    const session = createPostmockSession(COLLECTION, {
      loopbackSockets: 'refuse',
      passthrough: [`127.0.0.1:${allowed.port}`, `http://127.0.0.1:${allowed.port}`],
    })
    await session.start()
    try {
      expect(await rawExchange(() => net.connect(allowed.port, '127.0.0.1'), 'PING')).toBe('echo PING')
      expect(await (await fetch(`http://127.0.0.1:${allowed.port}/`)).text()).toBe('real server')
      const answer = await rawExchange(() => net.connect(refused.port, '127.0.0.1'), 'PING')
      expect(answer).toMatch(/loopbackSockets: 'refuse'/)
      expect(refused.count).toBe(0)
      expect(allowed.count).toBe(2)
      await expect(session.endTest()).rejects.toThrow(`Failed to connect to 127.0.0.1:${refused.port}`)
    } finally {
      session.stop()
      await allowed.close()
      await refused.close()
    }
  })

  test('a ws:// passthrough entry lets the WebSocket handshake reach its server', async () => {
    const server = await countingServer()
    const session = createPostmockSession(COLLECTION, { passthrough: [`ws://127.0.0.1:${server.port}`] })
    await session.start()
    try {
      await new Promise<void>((done) => {
        const socket = new WebSocket(`ws://127.0.0.1:${server.port}/live`)
        socket.onerror = () => done()
        socket.onopen = () => done()
      })
      expect(server.count).toBe(1)
      await expect(session.endTest()).resolves.toBeUndefined()
    } finally {
      session.stop()
      await server.close()
    }
  })

  test('stop() removes every patch: requests reach the network again', async () => {
    const server = await countingServer()
    const before = globalThis.fetch
    const session = createPostmockSession(COLLECTION)
    await session.start()
    expect(globalThis.fetch).not.toBe(before)
    session.stop()
    expect(globalThis.fetch).toBe(before)
    expect(await (await fetch(`http://127.0.0.1:${server.port}/`)).text()).toBe('real server')
    expect(server.count).toBe(1)
    await server.close()
  })
})
