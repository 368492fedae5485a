import {
  type PostmanMocks,
  type PostmanSource,
  type RunnerTask,
  type SetupPostmanMocksOptions,
  setupWithRunnerHooks,
} from '@postmock/adapter-node'
import * as vitest from 'vitest'

/**
 * Serves Postman collections to the tests of this file: starts msw's `setupServer` in `beforeAll`,
 * checks and resets after each test, and closes in `afterAll`. A test that makes a request no example
 * answers, or that calls an origin no collection serves, fails with a report. Concurrent tests
 * (`test.concurrent`) each get their own `use()` overrides and `calls()` (Vitest's `aroundEach`).
 *
 * `source`: a collection file, a `postmock.config.json`, a parsed collection or config, or an array of
 * them; relative paths resolve from `process.cwd()`, the project root Vitest runs in (its `root`).
 *
 * @example
 * import { setupPostmanMocks } from '@postmock/vitest'
 *
 * const postman = setupPostmanMocks('./testAPI.postman_collection.json', {
 *   environment: './testAPIEnv.postman_environment.json',
 *   baseUrls: ['https://api.example.com'], // the app's own origin, served beside *.mock.pstmn.io
 * })
 *
 * test('shows the sign-in page on 401', async () => {
 *   postman.use({ request: 'Get user', code: 401 })
 *   const response = await fetch('https://api.example.com/users/1')
 *   expect(response.status).toBe(401)
 *   expect(postman.calls({ request: 'Get user' })).toHaveLength(1)
 * })
 */
export function setupPostmanMocks(
  source: PostmanSource | readonly PostmanSource[],
  options?: SetupPostmanMocksOptions,
): PostmanMocks {
  // `aroundEach` exists from Vitest 4.1; older versions share one scope and check in `afterEach`.
  const aroundEach = (vitest as { aroundEach?: unknown }).aroundEach as
    | ((fn: (run: () => Promise<void>, context: { task?: RunnerTask }) => Promise<void>) => void)
    | undefined
  const currentTest = () => {
    const state = vitest.expect.getState()
    return { name: state.currentTestName, file: state.testPath }
  }
  return setupWithRunnerHooks(
    {
      beforeAll: vitest.beforeAll,
      afterEach: vitest.afterEach,
      afterAll: vitest.afterAll,
      aroundEach,
      currentTest,
    },
    source,
    options,
  )
}
