/**
 * The adapters' interception on Node 20 with msw 2: the same socket layer as on Node 24 (the
 * interceptors' one newer API, Promise.withResolvers, is defined by the adapter), so clients msw 2
 * never sees are served or refused too. The session is driven directly, from the adapter's build.
 */
import http from 'node:http'
import net from 'node:net'
import { HttpResponse, http as mswHttp } from 'msw'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { createPostmockSession, type PostmockSession } from '../../adapter-node/dist/index.mjs'
import {
  countingServer,
  countLookups,
  httpsStatus,
  rawExchange,
} from '../../adapter-node/test/network-kit.js'
import { COLLECTION, ENVIRONMENT } from '../../adapter-node/test/project-kit.js'

// A client created when its module loads, before the session starts: msw 2 alone never sees it.
const moduleLoadFetch = globalThis.fetch
const lookups = countLookups()
let session: PostmockSession
let network: Awaited<ReturnType<typeof countingServer>>

beforeAll(async () => {
  network = await countingServer()
  session = createPostmockSession(COLLECTION, {
    environment: ENVIRONMENT,
    baseUrls: ['https://api.example.com'],
  })
  await session.start()
})
afterEach(() => {
  lookups.length = 0
})
afterAll(async () => {
  session.stop()
  await network.close()
})

test('runs on Node 20', () => {
  expect(process.versions.node.split('.')[0]).toBe('20')
})

test('a fetch kept from module load, and a named node:https import, are served', async () => {
  expect((await moduleLoadFetch('https://api.example.com/users/1')).status).toBe(200)
  expect(await httpsStatus('https://abc.mock.pstmn.io/users/1')).toBe(200)
  expect(session.mocks.calls()).toHaveLength(2)
  await session.endTest()
})

test('server.use() takes msw 2 handlers', async () => {
  session.mocks.server.use(
    mswHttp.get('https://api.example.com/health', () => HttpResponse.json({ ok: true })),
  )
  expect(await (await moduleLoadFetch('https://api.example.com/health')).json()).toEqual({ ok: true })
  session.mocks.server.resetHandlers()
  await session.endTest()
})

test('HTTP to an unserved loopback origin, and a WebSocket handshake, are refused with no connection', async () => {
  await expect(moduleLoadFetch(`http://127.0.0.1:${network.port}/secret`)).rejects.toThrow('fetch failed')
  const upgrade = await new Promise<string>((done) => {
    http
      .get(`http://127.0.0.1:${network.port}/live`, {
        headers: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      })
      .on('error', (error) => done(error.message))
      .on('upgrade', () => done('upgraded'))
  })
  expect(upgrade).toContain('[postmock] Failed to open a WebSocket')
  expect(network.count).toBe(0)
  await expect(session.endTest()).rejects.toThrow(/2 requests in this test/)
})

test('a raw connection to a host no collection serves is refused before any DNS lookup', async () => {
  const answer = await rawExchange(() => net.connect(6379, 'cache.example.invalid'), 'PING\r\n')
  expect(answer).toMatch(/^error: \[postmock\] Failed to connect to cache\.example\.invalid:6379/)
  expect(lookups).toEqual([])
  await expect(session.endTest()).rejects.toThrow('Failed to connect to cache.example.invalid:6379')
})
