import { appendFileSync } from 'node:fs'
import { test as base, expect, type Page } from '@playwright/test'
import { type PostmanFixturesOptions, postmanFixtures } from '../../src/index.js'
import { type AppServer, startAppServer } from '../support/servers.js'

/** The real API (a server on 127.0.0.1) and the collection file recorded into, from recording.spec.ts. */
export const API = process.env.API_ORIGIN!

/** The fixture's options: record what no example answers, the token in bodies redacted too. */
export const OPTIONS: PostmanFixturesOptions = {
  collection: process.env.RECORD_COLLECTION!,
  baseUrls: [API],
  recordTarget: API,
  record: 'missing',
  redact: { jsonPaths: ['$.token'] },
}

/** `test` with a page server per worker and the postman fixture recording what no example answers. */
export const test = base
  .extend<object, { app: AppServer }>({
    app: [
      // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture names from the pattern
      async ({}, use, workerInfo) => {
        appendFileSync(process.env.WORKERS_FILE!, `${workerInfo.parallelIndex}:${process.pid}\n`)
        const app = await startAppServer()
        await use(app)
        await app.close()
      },
      { scope: 'worker' },
    ],
  })
  .extend({ baseURL: async ({ app }, use) => use(app.url) })
  .extend(postmanFixtures(OPTIONS))

/** What the page's own `fetch()` got: status and body text, or the network error. */
export async function pageFetch(
  page: Page,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; text: string } | { error: string }> {
  return page.evaluate(
    async ([url, init]) => {
      try {
        const response = await fetch(url, init)
        return { status: response.status, text: await response.text() }
      } catch (error) {
        return { error: String(error) }
      }
    },
    [url, init] as const,
  )
}

/**
 * The tests of one file (`name` tells the files apart): a saved example answering, a new endpoint, a
 * `*.mock.pstmn.io` request sent to `recordTarget`, a request with secrets, and an unserved origin.
 */
export function recordingTests(name: string): void {
  test.beforeEach(async ({ page }) => {
    await page.goto('/?mock=data:,&api=data:,')
  })

  test(`${name}: the example in the collection answers, the API is not called`, async ({ page, postman }) => {
    const answer = await pageFetch(page, `${API}/users/1`)
    expect(postman.calls().map((call) => call.example?.name)).toEqual(['User 1'])
    // POSTMOCK_RECORD=all (recording.spec.ts's last run): the real, drifted answer reaches the page
    if (process.env.POSTMOCK_RECORD === 'all') expect(answer).toMatchObject({ status: 200, text: /"email"/ })
    else expect(answer).toEqual({ status: 200, text: '{"id":1,"name":"User 1"}' })
  })

  test(`${name}: a new endpoint is answered by the real API`, async ({ page, postman }) => {
    const answer = await pageFetch(page, `${API}/things/${name}`)
    expect(answer).toEqual({ status: 200, text: JSON.stringify({ name }) })
    expect(postman.unmatched()).toEqual([])
    // calls() shows what the page got: from the real API ('recorded', not the mock's not-found 404) when it
    // was sent there (the first run; every run with POSTMOCK_RECORD=all), else from the recorded example
    const [call] = postman.calls()
    const sent = process.env.POSTMOCK_RECORD === 'all' || call?.example === undefined
    expect(call).toMatchObject({ status: 200, via: sent ? 'recorded' : 'score' })
  })

  test(`${name}: a *.mock.pstmn.io request goes to recordTarget`, async ({ page }) => {
    expect(await pageFetch(page, 'https://abc.mock.pstmn.io/health')).toEqual({ status: 200, text: 'ok' })
  })

  test(`${name}: a request with secrets`, async ({ page }) => {
    const answer = await pageFetch(page, `${API}/sessions?api_key=k-${name}`, {
      method: 'POST',
      // a control header asks the mock (match the body too): never sent to the API, never saved
      headers: {
        authorization: `Bearer secret-${name}`,
        'content-type': 'application/json',
        'x-mock-match-request-body': 'true',
      },
      body: '{"user":"ada"}',
    })
    // the real API's answer, or (once the other worker recorded it) the recorded example's
    expect(answer).toMatchObject({ status: 201, text: /"user":"ada"/ })
  })

  test.describe('unserved origins', () => {
    test.use({ postmanOptions: { ...OPTIONS, onUnmatched: 'warn' } })

    test(`${name}: stay refused while recording`, async ({ page, postman }) => {
      const url = `https://unserved.example.org/${name}?access_token=leak-${name}`
      expect(await pageFetch(page, url)).toHaveProperty('error')
      expect(postman.blocked().map((entry) => entry.url)).toEqual([url])
    })
  })
}
