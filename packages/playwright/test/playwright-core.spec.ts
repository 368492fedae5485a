import { expect, test } from '@playwright/test'
import { type Browser, chromium } from 'playwright-core'
import { type PostmanRoute, routePostmanMocks } from '../src/index.js'
import { systemChromium } from '../src/system-chromium.js'
import { type AppServer, startAppServer } from './support/servers.js'
import { COLLECTION, ENVIRONMENT } from './support/test.js'

// playwright-core on its own, as a script would use it: no test-runner fixtures involved.
let browser: Browser
let app: AppServer

test.beforeAll(async () => {
  app = await startAppServer()
  browser = await chromium.launch(
    systemChromium(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']),
  )
})

test.afterAll(async () => {
  await browser?.close()
  await app?.close()
})

test('routePostmanMocks on a playwright-core Page: answers, use(), calls(), the unmatched report, unroute()', async () => {
  const page = await browser.newPage()
  const postman: PostmanRoute = await routePostmanMocks(page, COLLECTION, {
    environment: ENVIRONMENT,
    baseUrls: ['https://api.example.com'],
  })

  await page.goto(app.url)
  await expect(page.locator('#mock')).toContainText('Ada Lovelace')
  await expect(page.locator('#api')).toContainText('Ada Lovelace')
  expect(postman.calls({ request: 'Get user' })).toHaveLength(2)

  postman.use({ request: 'Get user', example: 'Unauthorized' })
  await page.reload()
  await expect(page.locator('#mock')).toContainText('401')
  expect(postman.calls({ status: 401 })).toHaveLength(2)
  expect(() => postman.assertNoUnmatched()).not.toThrow()

  await page.goto(`${app.url}/?api=data:,&mock=https://abc.mock.pstmn.io/nothing/here`)
  await expect(page.locator('#mock')).toContainText('404')
  expect(postman.unmatched().map((entry) => entry.url)).toEqual(['https://abc.mock.pstmn.io/nothing/here'])
  expect(() => postman.assertNoUnmatched()).toThrow(
    /\[postmock\] Failed to match GET https:\/\/abc\.mock\.pstmn\.io\/nothing\/here/,
  )

  postman.reset()
  expect(postman.calls()).toEqual([])
  expect(postman.unmatched()).toEqual([])

  await postman.unroute()
  await page.reload()
  // no route any more: the request fails in the browser (every host name is unresolvable here)
  await expect(page.locator('#mock')).toContainText('error')
  expect(postman.calls()).toEqual([])
  await page.close()
})

test('routePostmanMocks on a BrowserContext with a parsed collection and mockIds', async () => {
  const context = await browser.newContext()
  const collection = JSON.parse(
    await (await import('node:fs/promises')).readFile(COLLECTION, 'utf8'),
  ) as Record<string, unknown>
  const postman = await routePostmanMocks(context, collection, {
    variables: { baseUrl: 'https://api.example.com' },
    mockIds: ['abc'],
    onUnmatched: 'warn',
  })
  const page = await context.newPage()
  await page.goto(`${app.url}/?api=https://other.mock.pstmn.io/users/1`)
  await expect(page.locator('#mock')).toContainText('Ada Lovelace')
  // other.mock.pstmn.io is not among mockIds: not served, so it is blocked
  await expect(page.locator('#api')).toContainText('error')
  expect(postman.blocked().map((entry) => entry.url)).toEqual(['https://other.mock.pstmn.io/users/1'])
  await context.close()
})
