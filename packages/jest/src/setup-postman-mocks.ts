import { afterAll, afterEach, beforeAll, expect } from '@jest/globals'
import {
  type PostmanMocks,
  type PostmanSource,
  type SetupPostmanMocksOptions,
  setupWithRunnerHooks,
} from '@postmock/adapter-node'

/**
 * Serves Postman collections to the tests of this file: starts msw's `setupServer` in `beforeAll`,
 * checks and resets after each test, and closes in `afterAll`. A test that makes a request no example
 * answers, or that calls an origin no collection serves, fails with a report.
 *
 * `source`: a collection file, a `postmock.config.json`, a parsed collection or config, or an array of
 * them; relative paths resolve from `process.cwd()`, the directory Jest is started in.
 * Jest needs `NODE_OPTIONS=--experimental-vm-modules` (Node >= 24.9) and, for DOM tests,
 * `testEnvironment: 'jest-fixed-jsdom'`; a start-up check says so when they are missing.
 *
 * @example
 * import { setupPostmanMocks } from '@postmock/jest'
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
  const currentTest = () => {
    const state = expect.getState()
    return { name: state.currentTestName, file: state.testPath }
  }
  return setupWithRunnerHooks({ beforeAll, afterEach, afterAll, currentTest }, source, options)
}
