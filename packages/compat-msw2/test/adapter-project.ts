/**
 * The test file of the small projects that exercise @postmock/vitest and @postmock/jest on msw 2 and
 * Node 20; the same text for both runners except where the hooks come from.
 */

/** Titles of the tests that must fail (each at itself), sorted. */
export const EXPECTED_FAILURES = [
  'a request to an unserved origin is refused',
  'an unmatched request fails this test',
]

/** Every test title of {@link adapterTestFile}. */
export const TITLES = [
  'runs on Node 20 with msw 2 (the same copy core uses)',
  'serves the default example',
  'use() chooses the 401 example for this test',
  'the next test starts with no overrides and no calls',
  'an unmatched request fails this test',
  'the test after the unmatched one passes',
  'a request to an unserved origin is refused',
  'the loopback server saw no connection',
]

/** How the test file loads its modules. */
export type ModuleStyle =
  /** ES modules, `import { get } from 'node:http'` (Vitest: the adapter re-syncs node:http's named exports). */
  | 'esm'
  /**
   * ES modules calling `http.get` on node:http's default export: under Jest's vm modules a named import
   * of a Node built-in is a copy taken before msw patches the module, so it would bypass msw.
   */
  | 'esm-default-http'
  /** CommonJS `require()`, calling `http.get` on the module (a destructured `get` is taken before msw patches it). */
  | 'cjs'

function header(adapter: string, hooks: string, style: ModuleStyle): string {
  if (style === 'cjs') {
    return `const http = require('node:http')
const { createServer } = http
const httpGet = (...args) => http.get(...args)
const msw = require('msw')
const { afterAll, beforeAll, expect, test } = require('${hooks}')
const { setupPostmanMocks } = require('${adapter}')`
  }
  const http =
    style === 'esm'
      ? `import { createServer, get as httpGet } from 'node:http'`
      : `import http from 'node:http'\nconst { createServer } = http\nconst httpGet = (...args) => http.get(...args)`
  return `${http}
import * as msw from 'msw'
import { afterAll, beforeAll, expect, test } from '${hooks}'
import { setupPostmanMocks } from '${adapter}'`
}

/** The test file; `hooks` is the module the runner's globals come from (`vitest` or `@jest/globals`). */
export function adapterTestFile(
  adapter: '@postmock/vitest' | '@postmock/jest',
  hooks: string,
  style: ModuleStyle,
): string {
  return `
${header(adapter, hooks, style)}

const postman = setupPostmanMocks('./users.postman_collection.json', { baseUrls: ['https://api.example.com'] })

let connections = 0
const loopback = createServer((_request, response) => response.end('real server'))
loopback.on('connection', () => connections++)
let loopbackUrl = ''
beforeAll(async () => {
  await new Promise((done) => loopback.listen(0, '127.0.0.1', () => done(undefined)))
  loopbackUrl = 'http://127.0.0.1:' + loopback.address().port + '/secret'
})
afterAll(() => new Promise((done) => loopback.close(() => done(undefined))))

const getUser = () => fetch('https://api.example.com/users/1')

test('${TITLES[0]}', () => {
  expect(process.versions.node.split('.')[0]).toBe('20')
  expect(typeof msw.cleanUrl).toBe('function')
  expect('getCleanUrlString' in msw).toBe(false)
  expect(postman.handlers.length).toBeGreaterThan(0)
  for (const handler of postman.handlers) expect(handler).toBeInstanceOf(msw.HttpHandler)
})

test('${TITLES[1]}', async () => {
  const response = await getUser()
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ id: 1, name: 'Ada Lovelace' })
  expect(postman.calls({ request: 'Get user' })).toMatchObject([{ status: 200, example: { name: 'Get user OK' } }])
})

test('${TITLES[2]}', async () => {
  postman.use({ request: 'Get user', code: 401 })
  expect((await getUser()).status).toBe(401)
  expect(postman.calls()).toMatchObject([{ status: 401, via: 'override', example: { name: 'Unauthorized' } }])
})

test('${TITLES[3]}', async () => {
  expect(postman.calls()).toEqual([])
  expect((await getUser()).status).toBe(200)
})

test('${TITLES[4]}', async () => {
  const response = await fetch('https://api.example.com/users/1/posts')
  expect(response.status).toBe(404)
  expect(await response.json()).toMatchObject({ error: { name: 'mockRequestNotFoundError' } })
})

test('${TITLES[5]}', async () => {
  expect((await getUser()).status).toBe(200)
})

test('${TITLES[6]}', async () => {
  await expect(fetch(loopbackUrl)).rejects.toThrow()
  await expect(
    new Promise((done, fail) => httpGet(loopbackUrl, (res) => res.resume().on('end', done)).on('error', fail)),
  ).rejects.toThrow()
})

test('${TITLES[7]}', async () => {
  await new Promise((done) => setTimeout(done, 100))
  expect(connections).toBe(0)
})
`
}
