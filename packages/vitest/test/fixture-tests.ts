/** The test files of the small Vitest project the adapter suite runs (see vitest-adapter.test.ts). */

export const BASIC_TEST = `
import { createServer, request as httpGet } from 'node:http'
import { HttpResponse, http } from 'msw'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { setupPostmanMocks } from '@postmock/vitest'

const postman = setupPostmanMocks(
  [
    { collection: './testAPI.postman_collection.json', baseUrls: ['https://api.example.com'] },
    { collection: './orders.postman_collection.json', baseUrls: ['https://orders.example.com'] },
  ],
  { environment: './testAPIEnv.postman_environment.json', reportUnused: true },
)

let connections = 0
const loopback = createServer((_req, res) => res.end('real server'))
loopback.on('connection', () => connections++)
let loopbackUrl = ''
beforeAll(async () => {
  await new Promise((done) => loopback.listen(0, '127.0.0.1', () => done(undefined)))
  loopbackUrl = 'http://127.0.0.1:' + loopback.address().port + '/secret'
})
afterAll(() => new Promise((done) => loopback.close(() => done(undefined))))

const sleep = (ms) => new Promise((done) => setTimeout(done, ms))
const getUser = () => fetch('https://api.example.com/users/1')

test('serves the default example', async () => {
  const response = await getUser()
  expect(response.status).toBe(200)
  expect(await response.json()).toMatchObject({ name: 'Ada Lovelace' })
  expect(postman.calls({ request: 'Get user' })).toMatchObject([{ status: 200, example: { name: 'Get user OK' } }])
})

test('use() chooses the 401 example for this test', async () => {
  postman.use({ request: 'Get user', code: 401 })
  expect((await getUser()).status).toBe(401)
  expect(postman.calls()).toMatchObject([{ status: 401, via: 'override' }])
})

test('the next test starts with no overrides and no calls', async () => {
  expect(postman.calls()).toEqual([])
  expect((await getUser()).status).toBe(200)
})

test('a second collection serves its own origin', async () => {
  const response = await fetch('https://orders.example.com/orders')
  expect(await response.json()).toEqual([{ id: 7 }])
  expect(postman.calls({ request: 'List orders' })).toHaveLength(1)
})

test('server.use() works beside the collection', async () => {
  postman.server.use(http.get('https://api.example.com/health', () => HttpResponse.json({ ok: true })))
  expect(await (await fetch('https://api.example.com/health')).json()).toEqual({ ok: true })
})

test('an unmatched request fails this test', async () => {
  const response = await fetch('https://api.example.com/users/1/posts')
  expect(response.status).toBe(404)
  expect(await response.json()).toMatchObject({ error: { name: 'mockRequestNotFoundError' } })
})

test('the test after the unmatched one passes', async () => {
  expect((await getUser()).status).toBe(200)
})

test('a request to an unserved origin is refused', async () => {
  await expect(fetch(loopbackUrl)).rejects.toThrow()
  await expect(
    new Promise((done, fail) => httpGet(loopbackUrl, (res) => res.resume().on('end', done)).on('error', fail).end()),
  ).rejects.toThrow()
})

test('the loopback server saw no connection', () => {
  expect(connections).toBe(0)
})

test.concurrent('concurrent A: its own 401 override', async () => {
  postman.use({ request: 'Get user', code: 401 })
  await sleep(40)
  expect((await getUser()).status).toBe(401)
  expect(postman.calls()).toHaveLength(1)
})

test.concurrent('concurrent B: the default answer meanwhile', async () => {
  await sleep(10)
  expect((await getUser()).status).toBe(200)
  await sleep(60)
  expect(postman.calls()).toMatchObject([{ status: 200 }])
})

test.concurrent('concurrent C: only this one fails on its unmatched request', async () => {
  await sleep(20)
  expect((await fetch('https://api.example.com/nothing-here')).status).toBe(404)
})
`

export const WARN_TEST = `
import { createServer } from 'node:http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { setupPostmanMocks } from '@postmock/vitest'

const postman = setupPostmanMocks('./testAPI.postman_collection.json', {
  environment: './testAPIEnv.postman_environment.json',
  baseUrls: ['https://api.example.com'],
  onUnmatched: 'warn',
  passthrough: [/^http:\\/\\/127\\.0\\.0\\.1:/],
})

let connections = 0
const loopback = createServer((_req, res) => res.end('real server'))
loopback.on('connection', () => connections++)
beforeAll(() => new Promise((done) => loopback.listen(0, '127.0.0.1', () => done(undefined))))
afterAll(() => new Promise((done) => loopback.close(() => done(undefined))))

test('warn mode: an unmatched request only warns', async () => {
  expect((await fetch('https://api.example.com/missing')).status).toBe(404)
  expect(postman.calls({ status: 404 })).toHaveLength(1)
})

test('passthrough lets a listed origin reach the network', async () => {
  const response = await fetch('http://127.0.0.1:' + loopback.address().port + '/')
  expect(await response.text()).toBe('real server')
  expect(connections).toBe(1)
})
`

export const JSDOM_TEST = `
// @vitest-environment jsdom
import { expect, test } from 'vitest'
import { setupPostmanMocks } from '@postmock/vitest'

const postman = setupPostmanMocks('./testAPI.postman_collection.json', {
  environment: './testAPIEnv.postman_environment.json',
  baseUrls: [location.origin], // the page's own origin (jsdom's default: http://localhost:3000)
})

test('jsdom: fetch to a mock host is answered', async () => {
  expect(typeof document.createElement).toBe('function')
  postman.use({ code: 401 })
  const response = await fetch('https://abc123.mock.pstmn.io/users/1')
  expect(response.status).toBe(401)
  expect(postman.calls()).toMatchObject([{ example: { name: 'Unauthorized' } }])
})

test('jsdom: XMLHttpRequest is answered too', async () => {
  const xhr = new XMLHttpRequest()
  const status = await new Promise((done) => {
    xhr.onload = () => done(xhr.status)
    xhr.onerror = () => done('error')
    xhr.open('GET', 'https://abc123.mock.pstmn.io/users/1')
    xhr.send()
  })
  expect(status).toBe(200)
  expect(JSON.parse(xhr.responseText).name).toBe('Ada Lovelace')
})

test('jsdom: a relative fetch goes to the page origin', async () => {
  const response = await fetch('/users/1')
  expect(response.status).toBe(200)
  expect(response.url).toBe(location.origin + '/users/1')
  expect(postman.calls()).toMatchObject([{ url: location.origin + '/users/1', status: 200 }])
})
`
