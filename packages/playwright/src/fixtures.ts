import { dirname } from 'node:path'
import type {
  Fixtures,
  PlaywrightTestArgs,
  PlaywrightTestOptions,
  PlaywrightWorkerArgs,
  PlaywrightWorkerOptions,
} from '@playwright/test'
import { coverageTestLabel } from '@postmock/core/node'
import type { PostmanFixturesOptions } from './options.js'
import { nameCoverageTest } from './route-coverage.js'
import { type PostmanRoute, routePostmanMocks } from './route-postman-mocks.js'

/** The fixtures a test gets from {@link postmanFixtures}. */
export interface PostmanTestFixtures {
  /** The options, overridable per file or describe block with `test.use({ postmanOptions: … })`. */
  postmanOptions: PostmanFixturesOptions
  /** The mock of the running test: automatic, one per test, torn down with an error on unmatched requests. */
  postman: PostmanRoute
}

/**
 * What {@link postmanFixtures} returns, ready for `test.extend()`. Written out in the signature (not
 * through this alias) so that `base.extend(postmanFixtures(…))` infers its type without a type argument.
 */
export type PostmanFixtures = Fixtures<
  PostmanTestFixtures,
  object,
  PlaywrightTestArgs & PlaywrightTestOptions,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
>

/**
 * Fixtures for `test.extend()` from `@playwright/test`. Every test gets its own `postman` (a fresh
 * core mock, so `use()` overrides and `calls()` never leak between tests or workers) that routes
 * the test's `BrowserContext`: served origins are answered from the collection, other non-local
 * origins are aborted, and the app's own `localhost`/`127.0.0.1` server and `baseURL` pass through.
 * An unmatched request fails the test at teardown with the near-miss report.
 *
 * @example
 * import { test as base, expect } from '@playwright/test'
 * import { postmanFixtures } from '@postmock/playwright'
 *
 * const test = base.extend(postmanFixtures({ collection: './testAPI.json', environment: './testAPIEnv.json' }))
 *
 * test('401 shows the sign-in page', async ({ page, postman }) => {
 *   postman.use({ request: 'Get user', code: 401 })
 *   await page.goto('/')
 *   await expect(page.getByText('Please sign in')).toBeVisible()
 *   expect(postman.calls({ request: 'Get user' })).toHaveLength(1)
 * })
 */
export function postmanFixtures(
  options: PostmanFixturesOptions,
): Fixtures<
  PostmanTestFixtures,
  object,
  PlaywrightTestArgs & PlaywrightTestOptions,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
> {
  return {
    postmanOptions: [options, { option: true }],
    postman: [
      async ({ context, baseURL, postmanOptions }, use, testInfo) => {
        const { collection, ...rest } = postmanOptions
        const baseDir =
          rest.baseDir ??
          (testInfo.config.configFile ? dirname(testInfo.config.configFile) : testInfo.config.rootDir)
        const allowOrigins = [...(rest.allowOrigins ?? []), ...(baseURL ? [new URL(baseURL).origin] : [])]
        const postman = await routePostmanMocks(context, collection, { ...rest, baseDir, allowOrigins })
        // coverage reports name the test: `<file> > <describe > title>`
        nameCoverageTest(postman, coverageTestLabel(testInfo.titlePath.slice(1).join(' > '), testInfo.file))
        await use(postman)
        await postman.unroute()
        postman.assertNoUnmatched()
      },
      { auto: true },
    ],
  }
}
