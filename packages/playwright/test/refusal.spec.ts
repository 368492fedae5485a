import type { Browser } from '@playwright/test'
import { systemChromium } from '../src/system-chromium.js'
import { type Sentinel, startSentinel } from './support/servers.js'
import { test as base, expect } from './support/test.js'

/**
 * Chromium resolves `not-served.example` to a loopback sentinel that counts TCP connections, so a
 * request that escaped the routing would be seen there. Everything else stays unresolvable.
 */
const test = base.extend<object, { sentinel: Sentinel; browser: Browser }>({
  sentinel: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture names from the pattern
    async ({}, use) => {
      const sentinel = await startSentinel()
      await use(sentinel)
      await sentinel.close()
    },
    { scope: 'worker' },
  ],
  browser: [
    async ({ playwright, sentinel }, use) => {
      const rules = `MAP not-served.example 127.0.0.1:${sentinel.port}, EXCLUDE 127.0.0.1, EXCLUDE localhost, MAP * ~NOTFOUND`
      const browser = await playwright.chromium.launch(systemChromium([`--host-resolver-rules=${rules}`]))
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' },
  ],
})

const fetchText = async (url: string) => {
  try {
    const response = await fetch(url)
    return `${response.status}`
  } catch (error) {
    return `error ${(error as Error).message}`
  }
}

test.describe.configure({ mode: 'serial' })

test.describe('an origin that is neither served nor local', () => {
  test.use({
    postmanOptions: { collection: '../../examples/testAPI.postman_collection.json', onUnmatched: 'warn' },
  })

  test('is aborted in the browser and never reaches the network', async ({ page, postman, sentinel }) => {
    await page.goto('/?mock=data:,&api=data:,')
    const before = sentinel.connections()
    const result = await page.evaluate(fetchText, 'https://not-served.example/users/1')
    expect(result).toMatch(/^error /)
    expect(postman.blocked()).toEqual([{ method: 'GET', url: 'https://not-served.example/users/1' }])
    // give a stray connection time to arrive before counting
    await page.waitForTimeout(300)
    expect(sentinel.connections() - before).toBe(0)
  })

  test.describe('with blockUnserved: false (the control experiment)', () => {
    test.use({
      postmanOptions: {
        collection: '../../examples/testAPI.postman_collection.json',
        onUnmatched: 'warn',
        blockUnserved: false,
      },
    })

    test('the same request does reach the sentinel', async ({ page, postman, sentinel }) => {
      await page.goto('/?mock=data:,&api=data:,')
      const before = sentinel.connections()
      const result = await page.evaluate(fetchText, 'https://not-served.example/users/1')
      expect(result).toMatch(/^error /) // the sentinel hangs up: no TLS there
      await expect.poll(() => sentinel.connections() - before).toBeGreaterThan(0)
      expect(postman.blocked()).toEqual([])
    })
  })
})
