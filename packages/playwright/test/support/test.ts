import { fileURLToPath } from 'node:url'
import { test as base } from '@playwright/test'
import { postmanFixtures } from '../../src/index.js'
import { type AppServer, startAppServer } from './servers.js'

/** The seed collection and environment shared by every example of the repo. */
export const COLLECTION = fileURLToPath(
  new URL('../../../../examples/testAPI.postman_collection.json', import.meta.url),
)
export const ENVIRONMENT = fileURLToPath(
  new URL('../../../../examples/testAPIEnv.postman_environment.json', import.meta.url),
)

/** `test` with the postman fixture and a page server per worker (its URL is the `baseURL`). */
export const test = base
  .extend<object, { app: AppServer }>({
    app: [
      // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture names from the pattern
      async ({}, use) => {
        const app = await startAppServer()
        await use(app)
        await app.close()
      },
      { scope: 'worker' },
    ],
  })
  .extend({ baseURL: async ({ app }, use) => use(app.url) })
  .extend(
    postmanFixtures({
      collection: COLLECTION,
      environment: ENVIRONMENT,
      baseUrls: ['https://api.example.com'],
    }),
  )

export { expect } from '@playwright/test'
