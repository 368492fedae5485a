import type { PostmanMocks, PostmanSource, SetupPostmanMocksOptions } from '@postmock/adapter-node'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { createBrowserSession } from './session.js'

/**
 * Vitest browser mode's `setupPostmanMocks()` (the `browser` export condition of `@postmock/vitest`
 * picks it): msw's service worker answers this file's page from Postman collections. The worker starts
 * in `beforeAll`, each test is checked and reset in `afterEach`, and it stops in `afterAll`. A request
 * no example answers gets Postman's 404 and fails its test with the near-miss report; a request to an
 * origin no collection serves gets a network error (never sent) and fails its test.
 *
 * `source`: a parsed collection or config (a JSON import), JSON text, an `http(s)://` URL (e.g. a file
 * of the dev server), or a path read through Vitest's `commands.readFile` (relative to the project
 * root), or an array of them; `environment` likewise. The Vitest config needs `postmockWorker()` from
 * `@postmock/vitest/plugin`, which serves msw's worker script.
 *
 * @example
 * import { setupPostmanMocks } from '@postmock/vitest'
 * import collection from '../testAPI.postman_collection.json'
 *
 * const postman = setupPostmanMocks(collection, { baseUrls: ['https://api.example.com'] })
 *
 * test('401 shows the sign-in prompt', async () => {
 *   postman.use({ request: 'Get user', code: 401 })
 *   expect((await fetch('https://api.example.com/users/1')).status).toBe(401)
 * })
 */
export function setupPostmanMocks(
  source: PostmanSource | readonly PostmanSource[],
  options?: SetupPostmanMocksOptions,
): PostmanMocks {
  const session = createBrowserSession(source, options, () => expect.getState().currentTestName)
  beforeAll(() => session.start())
  afterEach(() => session.endTest())
  afterAll(() => session.stop())
  return session.mocks
}
