/** The test files of the small Jest projects the adapter suite runs (see jest-adapter.test.ts). */

const LOOPBACK = `
let connections = 0
const loopback = http.createServer((_req, res) => res.end('real server'))
loopback.on('connection', () => connections++)
let loopbackUrl = ''
beforeAll(async () => {
  await new Promise((done) => loopback.listen(0, '127.0.0.1', () => done(undefined)))
  loopbackUrl = 'http://127.0.0.1:' + loopback.address().port + '/secret'
})
afterAll(() => new Promise((done) => loopback.close(() => done(undefined))))
`

export const ESM_TEST = `
import http from 'node:http'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { setupPostmanMocks } from '@postmock/jest'

const postman = setupPostmanMocks(
  [
    { collection: './testAPI.postman_collection.json', baseUrls: ['https://api.example.com'] },
    { collection: './orders.postman_collection.json', baseUrls: ['https://orders.example.com'] },
  ],
  { environment: './testAPIEnv.postman_environment.json', reportUnused: true },
)
${LOOPBACK}
const getUser = () => fetch('https://api.example.com/users/1')
const sleep = (ms) => new Promise((done) => setTimeout(done, ms))

test('esm: serves the default example', async () => {
  const response = await getUser()
  expect(response.status).toBe(200)
  expect(await response.json()).toMatchObject({ name: 'Ada Lovelace' })
  expect(postman.calls({ request: 'Get user' })).toMatchObject([{ status: 200, example: { name: 'Get user OK' } }])
})

test('esm: use() chooses the 401 example for this test', async () => {
  postman.use({ request: 'Get user', code: 401 })
  expect((await getUser()).status).toBe(401)
  expect(postman.calls()).toMatchObject([{ status: 401, via: 'override' }])
})

test('esm: the next test starts with no overrides and no calls', async () => {
  expect(postman.calls()).toEqual([])
  expect((await getUser()).status).toBe(200)
})

test('esm: a second collection serves its own origin', async () => {
  expect(await (await fetch('https://orders.example.com/orders')).json()).toEqual([{ id: 7 }])
})

test('esm: an unmatched request fails this test', async () => {
  const response = await fetch('https://api.example.com/users/1/posts')
  expect(response.status).toBe(404)
  expect(await response.json()).toMatchObject({ error: { name: 'mockRequestNotFoundError' } })
})

test('esm: the test after the unmatched one passes', async () => {
  expect((await getUser()).status).toBe(200)
})

test('esm: a request to an unserved origin is refused', async () => {
  await expect(fetch(loopbackUrl)).rejects.toThrow()
  await expect(
    new Promise((done, fail) => http.get(loopbackUrl, (res) => res.resume().on('end', done)).on('error', fail)),
  ).rejects.toThrow()
})

test('esm: the loopback server saw no connection', () => {
  expect(connections).toBe(0)
})

test.concurrent('esm: isolate() A has its own 401 override', postman.isolate(async () => {
  postman.use({ request: 'Get user', code: 401 })
  await sleep(40)
  expect((await getUser()).status).toBe(401)
  expect(postman.calls()).toHaveLength(1)
}))

test.concurrent('esm: isolate() B sees the default meanwhile', postman.isolate(async () => {
  await sleep(10)
  expect((await getUser()).status).toBe(200)
  await sleep(60)
  expect(postman.calls()).toMatchObject([{ status: 200 }])
}))
`

export const CJS_TEST = `
const { expect, test } = require('@jest/globals')
const { setupPostmanMocks } = require('@postmock/jest')

const postman = setupPostmanMocks('./testAPI.postman_collection.json', {
  environment: './testAPIEnv.postman_environment.json',
  baseUrls: ['https://api.example.com'],
})

test('cjs: serves the default example', async () => {
  expect((await fetch('https://api.example.com/users/1')).status).toBe(200)
  expect(postman.calls()).toHaveLength(1)
})

test('cjs: use() by example name', async () => {
  postman.use({ example: 'Unauthorized' })
  expect((await fetch('https://api.example.com/users/1')).status).toBe(401)
})

test('cjs: an unmatched request fails this test', async () => {
  expect((await fetch('https://api.example.com/nothing')).status).toBe(404)
})
`

const JSDOM_BODY = `
const postman = setupPostmanMocks('./testAPI.postman_collection.json', {
  environment: './testAPIEnv.postman_environment.json',
})

test('TITLE', async () => {
  expect(typeof document.createElement).toBe('function')
  postman.use({ code: 401 })
  const response = await fetch('https://abc123.mock.pstmn.io/users/1')
  expect(response.status).toBe(401)
  expect(postman.calls()).toMatchObject([{ example: { name: 'Unauthorized' } }])
})
`

export const JSDOM_CJS_TEST = `/** @jest-environment jest-fixed-jsdom */
const { expect, test } = require('@jest/globals')
const { setupPostmanMocks } = require('@postmock/jest')
${JSDOM_BODY.replace('TITLE', 'jsdom (cjs): fetch is answered')}`

export const JSDOM_ESM_TEST = `/** @jest-environment jest-fixed-jsdom */
import { expect, test } from '@jest/globals'
import { setupPostmanMocks } from '@postmock/jest'
${JSDOM_BODY.replace('TITLE', 'jsdom (esm): fetch is answered')}`

/** Plain jsdom (no fetch globals): the start-up check must print one actionable message. */
export const PLAIN_JSDOM_TEST = `/** @jest-environment jsdom */
const { test } = require('@jest/globals')
const { setupPostmanMocks } = require('@postmock/jest')
setupPostmanMocks('./testAPI.postman_collection.json')
test('never runs', () => {})
`

/** Node environment without --experimental-vm-modules: msw 3 cannot be required. */
export const NO_VM_MODULES_TEST = `
const { test } = require('@jest/globals')
const { setupPostmanMocks } = require('@postmock/jest')
setupPostmanMocks('./testAPI.postman_collection.json')
test('never runs either', () => {})
`
