import { expect, test } from './support/test.js'

test('answers the mock host and the app base URL from the collection', async ({ page, postman, app }) => {
  await page.goto('/')
  await expect(page.locator('#mock')).toContainText('200')
  await expect(page.locator('#mock')).toContainText('Ada Lovelace')
  await expect(page.locator('#api')).toContainText('Ada Lovelace')
  const calls = postman.calls({ request: 'Get user' })
  expect(calls.map((call) => [call.url, call.status, call.example?.name])).toEqual(
    expect.arrayContaining([
      ['https://abc.mock.pstmn.io/users/1', 200, 'Get user OK'],
      ['https://api.example.com/users/1', 200, 'Get user OK'],
    ]),
  )
  expect(calls).toHaveLength(2)
  // the page itself came from the real loopback server, untouched
  expect(app.hits).toContain('GET /')
})

test('use() switches this test to the 401 example', async ({ page, postman }) => {
  postman.use({ request: 'Get user', code: 401 })
  await page.goto('/')
  await expect(page.locator('#mock')).toContainText('401')
  await expect(page.locator('#mock')).toContainText('Missing or invalid token')
  await expect(page.locator('#api')).toContainText('unauthorized')
  expect(postman.calls({ status: 401 })).toHaveLength(2)
  expect(postman.calls({ status: 200 })).toHaveLength(0)
})

test('the next test starts from the defaults: overrides and calls do not leak', async ({ page, postman }) => {
  expect(postman.calls()).toHaveLength(0)
  await page.goto('/')
  await expect(page.locator('#mock')).toContainText('Ada Lovelace')
  expect(postman.calls({ status: 401 })).toHaveLength(0)
})

test('control headers sent by the page choose the example (CORS preflight included)', async ({
  page,
  postman,
}) => {
  await page.goto('/')
  const answer = await page.evaluate(async () => {
    const response = await fetch('https://abc.mock.pstmn.io/users/1', {
      headers: { 'x-mock-response-name': 'Unauthorized' },
    })
    return { status: response.status, body: await response.json() }
  })
  expect(answer).toEqual({
    status: 401,
    body: { error: 'unauthorized', message: 'Missing or invalid token' },
  })
  expect(postman.calls({ example: 'Unauthorized' })).toHaveLength(1)
})

test('loopback servers not in baseUrls pass through untouched', async ({ page, postman, app }) => {
  await page.goto('/')
  const text = await page.evaluate(async (url) => (await fetch(url)).text(), `${app.url}/text?direct`)
  expect(text).toBe('real loopback answer')
  expect(app.hits).toContain('GET /text?direct')
  expect(postman.calls().some((call) => call.url.includes('/text'))).toBe(false)
})

test.describe('request bodies reach the matcher', () => {
  test.use({
    postmanOptions: {
      matchBody: true,
      collection: {
        info: {
          name: 'bodies',
          schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
        },
        item: [
          {
            name: 'Create user',
            request: { method: 'POST', url: 'https://abc.mock.pstmn.io/users' },
            response: [
              {
                name: 'Ada',
                code: 201,
                originalRequest: {
                  method: 'POST',
                  url: 'https://abc.mock.pstmn.io/users',
                  header: [{ key: 'Content-Type', value: 'application/json' }],
                  body: { mode: 'raw', raw: '{"name":"Ada"}', options: { raw: { language: 'json' } } },
                },
                header: [{ key: 'Content-Type', value: 'application/json' }],
                body: '{"created":"Ada"}',
              },
              {
                name: 'Grace',
                code: 201,
                originalRequest: {
                  method: 'POST',
                  url: 'https://abc.mock.pstmn.io/users',
                  header: [{ key: 'Content-Type', value: 'application/json' }],
                  body: { mode: 'raw', raw: '{"name":"Grace"}', options: { raw: { language: 'json' } } },
                },
                header: [{ key: 'Content-Type', value: 'application/json' }],
                body: '{"created":"Grace"}',
              },
            ],
          },
        ],
      },
    },
  })

  test('a POST body chooses between two examples', async ({ page, postman }) => {
    await page.goto('/?mock=data:,&api=data:,')
    const created = await page.evaluate(async () => {
      const post = async (name: string) => {
        const response = await fetch('https://abc.mock.pstmn.io/users', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name }),
        })
        return `${response.status} ${await response.text()}`
      }
      return [await post('Grace'), await post('Ada')]
    })
    expect(created).toEqual(['201 {"created":"Grace"}', '201 {"created":"Ada"}'])
    expect(postman.calls().map((call) => call.example?.name)).toEqual(['Grace', 'Ada'])
  })
})
