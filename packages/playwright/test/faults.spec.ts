import { FLAKY_COLLECTION, USER } from '../../adapter-node/test/faults-collection.js'
import { expect, test } from './support/test.js'

/**
 * Faults and sequences (issue 12) as a page in real Chromium sees them: `fetch()` in the page, the
 * fixture routing it through core. A timeout ends by the page's own abort; nothing asserts a duration.
 */
const URL_1 = 'https://api.example.com/users/1'
const FULL = JSON.stringify(USER)

type AbortablePage = Window & { abortLoad?: () => void }

/**
 * In the page: fetch, read the body, and say what happened (`<status> <body>` or `error <name>: <message>`).
 * Meanwhile `window.abortLoad()` aborts the fetch.
 */
const load = async (url: string) => {
  const controller = new AbortController()
  ;(window as AbortablePage).abortLoad = () => controller.abort()
  try {
    const response = await fetch(url, { signal: controller.signal })
    return `${response.status} ${await response.text()}`
  } catch (error) {
    return `error ${(error as Error).name}: ${(error as Error).message}`
  }
}

test.describe('faults in the page', () => {
  test.use({ postmanOptions: { collection: FLAKY_COLLECTION, baseUrls: ['https://api.example.com'] } })

  test('network-error: fetch rejects with a TypeError', async ({ page, postman }) => {
    await page.goto('/?mock=data:,&api=data:,')
    postman.use({ request: 'Get user', fault: 'network-error' })
    const failed = page.waitForEvent('requestfailed')
    expect(await page.evaluate(load, URL_1)).toBe('error TypeError: Failed to fetch')
    expect((await failed).failure()?.errorText).toBe('net::ERR_CONNECTION_REFUSED')
    expect(await page.evaluate(load, 'https://api.example.com/users')).toMatch(/^200 /)
    expect(postman.calls({ request: 'Get user' })).toMatchObject([{ status: 0, fault: 'network-error' }])
  })

  test('timeout: no answer until the page aborts', async ({ page, postman }) => {
    await page.goto('/?mock=data:,&api=data:,')
    postman.use({ request: 'Get user', fault: 'timeout' })
    // The page aborts once the mock has the request (it is recorded) and holds it: an abort on a timer
    // could come before the route handler runs on a loaded machine, and prove nothing.
    const outcome = page.evaluate(load, URL_1)
    await expect.poll(() => postman.calls()).toMatchObject([{ status: 0, fault: 'timeout' }])
    await page.evaluate(() => {
      const abort = (window as AbortablePage).abortLoad
      if (!abort) throw new Error('no fetch to abort in the page')
      abort()
    })
    expect(await outcome).toBe('error AbortError: signal is aborted without reason')
  })

  test('timeout with after: the request times out', async ({ page, postman }) => {
    await page.goto('/?mock=data:,&api=data:,')
    postman.use({ request: 'Get user', fault: 'timeout', after: 10 })
    const failed = page.waitForEvent('requestfailed')
    expect(await page.evaluate(load, URL_1)).toBe('error TypeError: Failed to fetch')
    expect((await failed).failure()?.errorText).toBe('net::ERR_TIMED_OUT')
  })

  test('reset: the connection resets', async ({ page, postman }) => {
    await page.goto('/?mock=data:,&api=data:,')
    postman.use({ request: 'Get user', fault: 'reset' })
    const failed = page.waitForEvent('requestfailed')
    expect(await page.evaluate(load, URL_1)).toBe('error TypeError: Failed to fetch')
    expect((await failed).failure()?.errorText).toBe('net::ERR_CONNECTION_RESET')
  })

  test('malformed: the example status, a body cut in half that JSON cannot parse', async ({
    page,
    postman,
  }) => {
    await page.goto('/?mock=data:,&api=data:,')
    postman.use({ request: 'Get user', fault: 'malformed' })
    expect(await page.evaluate(load, URL_1)).toBe(`200 ${FULL.slice(0, FULL.length / 2)}`)
    const parsed = await page.evaluate(async (url) => {
      try {
        return await (await fetch(url)).json()
      } catch (error) {
        return `error ${(error as Error).name}`
      }
    }, URL_1)
    expect(parsed).toBe('error SyntaxError')
  })

  test('a sequence [503, 503, 200] seen by a retrying page', async ({ page, postman }) => {
    await page.goto('/?mock=data:,&api=data:,')
    postman.use({ request: 'Get user', sequence: [{ code: 503 }, { code: 503 }, { code: 200 }] })
    const statuses = await page.evaluate(async (url) => {
      const seen: number[] = []
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await fetch(url)
        seen.push(response.status)
        if (response.ok) break
      }
      return seen
    }, URL_1)
    expect(statuses).toEqual([503, 503, 200])
    expect(postman.calls().map((call) => call.step)).toEqual([0, 1, 2])
  })
})
