/** The files of the Vitest browser-mode project that browser-mode.test.ts generates and runs in Chromium. */

export const BROWSER_CONFIG = `
import { createServer } from 'node:http'
import { playwright } from '@vitest/browser-playwright'
import { postmockWorker } from '@postmock/vitest/plugin'

let server
let connections = 0
const meetings = new Map()

export default {
  plugins: [postmockWorker()],
  test: {
    include: ['*.test.js'],
    maxWorkers: 2, // both files at once: they meet in their last tests
    testTimeout: 60_000, // a loaded machine: the second file may wait at a meeting for the first
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' } }),
      instances: [{ browser: 'chromium' }],
      commands: {
        // both files wait here for each other: they run at the same time, in two pages
        meet(_context, name) {
          let meeting = meetings.get(name)
          if (!meeting) {
            let release
            meeting = { count: 0, done: new Promise((resolve) => (release = resolve)) }
            meeting.release = release
            meetings.set(name, meeting)
          }
          if (++meeting.count === 2) meeting.release(true)
          return meeting.done
        },
        async loopbackOrigin() {
          if (!server) {
            server = createServer((_request, response) => response.end('real server'))
            server.on('connection', () => connections++)
            await new Promise((done) => server.listen(0, '127.0.0.1', done))
            server.unref()
          }
          return 'http://127.0.0.1:' + server.address().port
        },
        loopbackConnections: () => connections,
      },
    },
  },
}
`

export const FIRST_FILE = `
import { HttpResponse, http } from 'msw'
import { expect, test } from 'vitest'
import { commands } from 'vitest/browser'
import { setupPostmanMocks } from '@postmock/vitest'
import collection from './testAPI.postman_collection.json'
import environment from './testAPIEnv.postman_environment.json'

const postman = setupPostmanMocks(collection, {
  environment,
  baseUrls: ['https://api.example.com'],
})
const getUser = () => fetch('https://api.example.com/users/1')

test('the browser build runs on msw worker served by the plugin', () => {
  expect(navigator.serviceWorker.controller.scriptURL).toBe(location.origin + '/mockServiceWorker.js')
})

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

test('explain() and unused()', async () => {
  const explanation = await postman.explain(new Request('https://api.example.com/users/2'))
  expect(explanation.winner).toMatchObject({ name: 'Get user OK' })
  expect(explanation.report).toContain('GET https://api.example.com/users/2')
  // both examples were served by the tests above (200, then 401 through use())
  expect(postman.unused()).toEqual([])
})

test('server.use() answers before the collection', async () => {
  postman.server.use(http.get('https://api.example.com/health', () => HttpResponse.json({ ok: true })))
  expect(await (await fetch('https://api.example.com/health')).json()).toEqual({ ok: true })
  postman.server.resetHandlers()
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
  const origin = await commands.loopbackOrigin()
  await expect(fetch(origin + '/secret')).rejects.toThrow(TypeError)
})

test('the loopback server saw no connection', async () => {
  expect(await commands.loopbackConnections()).toBe(0)
})

test('first file: its own 401 override while the second file runs', async () => {
  postman.use({ request: 'Get user', code: 401 })
  await commands.meet('overrides set')
  expect((await getUser()).status).toBe(401)
  await commands.meet('requests made')
  expect(postman.calls()).toMatchObject([{ status: 401 }])
})
`

export const SECOND_FILE = `
import { expect, test } from 'vitest'
import { commands } from 'vitest/browser'
import { setupPostmanMocks } from '@postmock/vitest'

// a path, read through Vitest's commands.readFile from the project root, and a URL of the dev server
const postman = setupPostmanMocks([
  {
    collection: './testAPI.postman_collection.json',
    environment: './testAPIEnv.postman_environment.json',
    baseUrls: ['https://api.example.com'],
  },
  { collection: location.origin + '/orders.postman_collection.json', baseUrls: ['https://orders.example.com'] },
], { reportUnused: true })

test('second file: the default answer meanwhile', async () => {
  await commands.meet('overrides set')
  expect((await fetch('https://api.example.com/users/1')).status).toBe(200)
  await commands.meet('requests made')
  expect(postman.calls()).toMatchObject([{ status: 200 }])
})

test('a collection fetched from the dev server serves its own origin', async () => {
  expect(await (await fetch('https://orders.example.com/orders')).json()).toEqual([{ id: 7 }])
  expect(postman.calls({ request: 'List orders' })).toHaveLength(1)
})

test('unused() lists the examples no test of this file was answered with', () => {
  expect(postman.unused().map((example) => example.name)).toEqual(['Unauthorized', 'Orders down'])
})

test('an unmatched request here fails only this file', async () => {
  expect((await fetch('https://orders.example.com/nothing-here')).status).toBe(404)
})
`

/** A config without `postmockWorker()`: msw's worker script is not served. */
export const NO_WORKER_CONFIG = `
import { playwright } from '@vitest/browser-playwright'

export default {
  test: {
    include: ['no-worker.test.js'],
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' } }),
      instances: [{ browser: 'chromium' }],
    },
  },
}
`

export const NO_WORKER_FILE = `
import { expect, test } from 'vitest'
import { setupPostmanMocks } from '@postmock/vitest'
import collection from './testAPI.postman_collection.json'

setupPostmanMocks(collection)

test('never runs: the worker cannot start', () => {
  expect(true).toBe(true)
})
`

export const TWO_CALLS_FILE = `
import { expect, test } from 'vitest'
import { setupPostmanMocks } from '@postmock/vitest'
import collection from './testAPI.postman_collection.json'

setupPostmanMocks(collection)
setupPostmanMocks(collection, { baseUrls: ['https://other.example.com'] })

test('never runs: one worker per page', () => {
  expect(true).toBe(true)
})
`

/** For the msw 2 run: the page's msw and the served worker script are both msw 2 (the script names its version). */
export const MSW_VERSION_FILE = `
import { expect, test } from 'vitest'

test('the worker script and the page are msw 2', async () => {
  const script = await (await fetch('/mockServiceWorker.js')).text()
  expect(script).toMatch(/const PACKAGE_VERSION = '2\\.15\\./)
})
`
