/**
 * The runner-independent session, driven directly (no test runner in between): the msw server it
 * starts really intercepts fetch and node:http, on whichever msw major resolves here.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { createPostmockSession, type PostmockSession } from '../src/index.js'
import { diagnoseLoadFailure } from '../src/startup-check.js'
import { COLLECTION, ENVIRONMENT, ORDERS_COLLECTION } from './project-kit.js'

let connections = 0
let loopbackUrl = ''
const loopback = http.createServer((_request, response) => response.end('real server'))
loopback.on('connection', () => connections++)
beforeAll(async () => {
  await new Promise<void>((done) => loopback.listen(0, '127.0.0.1', done))
  loopbackUrl = `http://127.0.0.1:${(loopback.address() as AddressInfo).port}/secret`
})
afterAll(() => new Promise<void>((done) => loopback.close(() => done())))

const httpGet = (url: string) =>
  new Promise<string>((done, fail) => {
    http
      .get(url, (response) => {
        let body = ''
        response.on('data', (chunk) => {
          body += chunk
        })
        response.on('end', () => done(body))
      })
      .on('error', fail)
  })

describe('a session serving two collections', () => {
  let session: PostmockSession
  beforeAll(async () => {
    session = createPostmockSession(
      [COLLECTION, { collection: ORDERS_COLLECTION, baseUrls: ['https://orders.example.com'] }],
      { environment: ENVIRONMENT, baseUrls: ['https://api.example.com'], reportUnused: true },
    )
    await session.start()
  })
  afterAll(() => session.stop())

  test('answers from each collection, applies use() and records calls() until endTest()', async () => {
    session.mocks.use({ request: 'Get user', code: 401 })
    expect((await fetch('https://api.example.com/users/1')).status).toBe(401)
    expect(await (await fetch('https://orders.example.com/orders')).json()).toEqual([{ id: 7 }])
    expect(session.mocks.calls().map((call) => call.status)).toEqual([401, 200])
    await session.endTest()
    expect(session.mocks.calls()).toEqual([])
    expect((await fetch('https://api.example.com/users/1')).status).toBe(200)
  })

  test('endTest() rejects with the near-miss report after an unmatched request', async () => {
    const response = await fetch('https://api.example.com/users/1/posts')
    expect(response.status).toBe(404)
    await expect(session.endTest()).rejects.toThrow(
      /\[postmock\] Failed to match GET https:\/\/api\.example\.com\/users\/1\/posts[\s\S]*Closest examples:/,
    )
    await expect(session.endTest()).resolves.toBeUndefined()
  })

  test('refuses an unserved loopback origin for fetch and node:http: no connection is made', async () => {
    await expect(fetch(loopbackUrl)).rejects.toThrow()
    await expect(httpGet(loopbackUrl)).rejects.toThrow()
    expect(connections).toBe(0)
    await expect(session.endTest()).rejects.toThrow(
      /2 requests in this test[\s\S]*Failed to send GET http:\/\/127\.0\.0\.1/,
    )
  })

  test('runTest(isolated) gives concurrent scopes their own overrides and calls', async () => {
    const seen: Record<string, number[]> = {}
    const scope = (name: string, code: number | undefined, wait: number) =>
      session.runTest(async () => {
        if (code) session.mocks.use({ code })
        await new Promise((done) => setTimeout(done, wait))
        await fetch('https://abc.mock.pstmn.io/users/1')
        seen[name] = session.mocks.calls().map((call) => call.status)
      }, true)
    await Promise.all([scope('a', 401, 30), scope('b', undefined, 5)])
    expect(seen).toEqual({ a: [401], b: [200] })
  })

  test('an isolated scope fails alone on its unmatched request', async () => {
    const results = await Promise.allSettled([
      session.runTest(async () => void (await fetch('https://abc.mock.pstmn.io/missing')), true),
      session.runTest(async () => void (await fetch('https://abc.mock.pstmn.io/users/1')), true),
    ])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled'])
  })

  test('stop() prints the reportUnused table', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    session.stop()
    const printed = log.mock.calls.map((call) => String(call[0])).join('\n')
    log.mockRestore()
    expect(printed).toContain('[postmock] 1 of 4 examples were never served in this test file:')
    expect(printed).toMatch(/orders\s+List orders\s+GET\s+\/orders\s+500\s+Orders down/)
  })
})

test("onUnmatched: 'bypass' lets an unserved origin reach the network", async () => {
  const session = createPostmockSession(COLLECTION, { onUnmatched: 'bypass' })
  await session.start()
  try {
    expect(await httpGet(loopbackUrl)).toBe('real server')
    await expect(session.endTest()).resolves.toBeUndefined()
  } finally {
    session.stop()
  }
  expect(connections).toBe(1)
})

describe('the start-up check', () => {
  test('names --experimental-vm-modules when Jest cannot require msw', () => {
    const error = diagnoseLoadFailure(
      new Error('Must use import to load ES Module: /x/msw/lib/core/index.js'),
    )
    expect(error.message).toMatch(/^\[postmock\] Failed to start the Postman mocks: Jest could not load msw/)
    expect(error.message).toContain('NODE_OPTIONS=--experimental-vm-modules')
    expect(error.stack).toBe(error.message)
  })

  test('on Node 20 with the flag already set, says that CommonJS tests cannot load msw there (not: add the flag)', () => {
    const error = diagnoseLoadFailure(
      new Error('Must use import to load ES Module: /x/node_modules/rettime/build/index.mjs'),
      { node: '20.20.2', vmModules: true },
    )
    expect(error.message).toContain(
      'On Node 20.20.2, Jest cannot load an ES module from a CommonJS test file',
    )
    expect(error.message).toContain('even with --experimental-vm-modules (that needs Node >= 24.9)')
    expect(error.message).toContain('transformIgnorePatterns: []')
    expect(error.message).not.toContain(
      'Run Jest with NODE_OPTIONS=--experimental-vm-modules on Node >= 24.9',
    )
  })

  test('on Node >= 24.9 without the flag, names the flag', () => {
    const error = diagnoseLoadFailure(
      new Error('Must use import to load ES Module: /x/msw/lib/core/index.js'),
      {
        node: '24.21.0',
        vmModules: false,
      },
    )
    expect(error.message).toContain('Run Jest with NODE_OPTIONS=--experimental-vm-modules on Node >= 24.9')
  })

  test('names Node >= 22.12 when msw 3 runs on an old Node', () => {
    expect(diagnoseLoadFailure(new TypeError('Promise.withResolvers is not a function')).message).toContain(
      'msw 3 needs Node >= 22.12',
    )
  })

  test('names jest-fixed-jsdom when msw/node or the Node interceptors resolve to nothing', () => {
    expect(diagnoseLoadFailure(new Error("Cannot find module 'msw/node' from 'x.js'")).message).toContain(
      "testEnvironment: 'jest-fixed-jsdom'",
    )
    expect(
      diagnoseLoadFailure(new Error("Cannot find module '@mswjs/interceptors/http' from 'index.mjs'"))
        .message,
    ).toContain("testEnvironment: 'jest-fixed-jsdom'")
  })
})
