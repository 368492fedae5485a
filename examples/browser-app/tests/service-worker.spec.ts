import { expect, test } from '@playwright/test'

test('the page shows the example data, answered by MSW’s service worker', async ({ page }) => {
  const assets: string[] = []
  page.on('request', (request) => assets.push(request.url()))
  await page.goto('/')
  await expect(page.locator('#user .name')).toHaveText('Ada Lovelace')
  await expect(page.locator('#user .email')).toHaveText('ada@example.com')
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(
    /\/mockServiceWorker\.js$/,
  )
  const calls = await page.evaluate(() => window.__postmock!.calls())
  expect(calls.map((call) => [call.url, call.status, call.example?.name])).toEqual([
    ['https://6f1c2a3e.mock.pstmn.io/users/1', 200, 'Get user OK'],
  ])
  // the collection has no {{$dynamic}} variables: faker is never downloaded
  expect(assets.filter((url) => /faker/i.test(url))).toEqual([])
})

test('x-mock-response-code: 401 switches the page to the Unauthorized example', async ({ page }) => {
  await page.goto('/?code=401')
  await expect(page.locator('#user')).toHaveText('Please sign in (Missing or invalid token)')
})

test('use() from the page’s mock changes the next answer', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('#user .name')).toHaveText('Ada Lovelace')
  const status = await page.evaluate(async () => {
    window.__postmock!.use({ request: 'Get user', example: 'Unauthorized' })
    return (await fetch('https://6f1c2a3e.mock.pstmn.io/users/1')).status
  })
  expect(status).toBe(401)
})

interface Case {
  name: string
  url: string
  method?: string
  headers?: Record<string, string>
  body?: string
  status: number
  json: unknown
}

const USER = { id: 1, name: 'Ada Lovelace', email: 'ada@example.com' }
const UNAUTHORIZED = { error: 'unauthorized', message: 'Missing or invalid token' }
const NOT_FOUND = {
  error: {
    name: 'mockRequestNotFoundError',
    message: 'Double check your method and the request path and try again.',
    header: 'No matching requests',
  },
}
const MOCK = 'https://6f1c2a3e.mock.pstmn.io'

// Conformance-style cases (spec §3, §13) sent by the page through the service worker.
const cases: Case[] = [
  { name: 'exact path', url: `${MOCK}/users/1`, status: 200, json: USER },
  { name: 'app base URL from baseUrls', url: 'https://api.example.com/users/1', status: 200, json: USER },
  { name: 'trailing slash still matches', url: `${MOCK}/users/1/`, status: 200, json: USER },
  { name: 'another numeric id falls back to the id rule', url: `${MOCK}/users/20`, status: 200, json: USER },
  {
    name: 'an extra query parameter is tolerated',
    url: `${MOCK}/users/1?expand=true`,
    status: 200,
    json: USER,
  },
  {
    name: 'x-mock-response-code',
    url: `${MOCK}/users/1`,
    headers: { 'x-mock-response-code': '401' },
    status: 401,
    json: UNAUTHORIZED,
  },
  {
    name: 'x-mock-response-name',
    url: `${MOCK}/users/1`,
    headers: { 'x-mock-response-name': 'Unauthorized' },
    status: 401,
    json: UNAUTHORIZED,
  },
  {
    name: 'x-mock-response-id',
    url: `${MOCK}/users/1`,
    headers: { 'x-mock-response-id': 'b1b2c3d4-0000-4000-8000-000000000401' },
    status: 401,
    json: UNAUTHORIZED,
  },
  { name: 'method filter', url: `${MOCK}/users/1`, method: 'POST', body: '{}', status: 404, json: NOT_FOUND },
  { name: 'unknown path', url: `${MOCK}/orders`, status: 404, json: NOT_FOUND },
]

test('Postman’s rules on the seed collection, answered in the page by the worker', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('#user .name')).toHaveText('Ada Lovelace')
  const results = await page.evaluate(async (all: Case[]) => {
    const out: Array<{ name: string; status: number; json: unknown; cors: string | null }> = []
    for (const c of all) {
      const init: RequestInit = { method: c.method ?? 'GET' }
      if (c.headers) init.headers = c.headers
      if (c.body) init.body = c.body
      const response = await fetch(c.url, init)
      out.push({
        name: c.name,
        status: response.status,
        json: await response.json(),
        cors: response.headers.get('access-control-allow-origin'),
      })
    }
    return out
  }, cases)
  expect(results).toEqual(cases.map((c) => ({ name: c.name, status: c.status, json: c.json, cors: '*' })))
})
