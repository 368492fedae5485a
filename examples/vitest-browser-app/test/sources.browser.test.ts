/**
 * The other ways to give the collection in the browser: a path (read on the Node side through Vitest's
 * `commands.readFile`, relative to the project root, as `process.cwd()` is in Node) and a URL the dev
 * server serves (Vite's `?url` import); the environment likewise.
 */

import { setupPostmanMocks } from '@postmock/vitest'
import { expect, test } from 'vitest'
import collectionUrl from '../../testAPI.postman_collection.json?url'

// One setupPostmanMocks() per file (msw runs one worker per page); each source serves its own origin.
const postman = setupPostmanMocks([
  {
    collection: '../testAPI.postman_collection.json',
    environment: '../testAPIEnv.postman_environment.json',
    baseUrls: ['https://paths.example.com'],
  },
  {
    collection: new URL(collectionUrl, location.origin).href,
    // a path under the page's own origin: relative fetches to /api/... are answered, Vite's modules are not touched
    baseUrls: ['https://urls.example.com', `${location.origin}/api`],
  },
])

test('a collection and an environment read by path', async () => {
  const response = await fetch('https://paths.example.com/users/1')
  expect(await response.json()).toMatchObject({ name: 'Ada Lovelace' })
  expect(postman.calls()).toMatchObject([{ url: 'https://paths.example.com/users/1', status: 200 }])
})

test('a collection fetched from the dev server', async () => {
  postman.use({ code: 401 })
  expect((await fetch('https://urls.example.com/users/1')).status).toBe(401)
  expect(postman.calls()).toMatchObject([
    { url: 'https://urls.example.com/users/1', status: 401, via: 'override' },
  ])
})

test("a base path on the page's own origin answers relative URLs", async () => {
  const response = await fetch('/api/users/1')
  expect(await response.json()).toMatchObject({ name: 'Ada Lovelace' })
  expect(postman.calls()).toMatchObject([{ url: `${location.origin}/api/users/1`, status: 200 }])
})
