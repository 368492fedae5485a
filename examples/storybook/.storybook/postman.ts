import { createPostmanMock, type MockOverride } from '@postmock/core'
import { setupWorker } from 'msw/browser'
import collection from '../../testAPI.postman_collection.json'
import environment from '../../testAPIEnv.postman_environment.json'

/** One mock for the whole Storybook: its handlers answer *.mock.pstmn.io and the app's API origin. */
export const postman = createPostmanMock(collection, { environment, baseUrls: ['https://api.example.com'] })

/** What a story may put under `parameters.postman`. */
export interface PostmanParameters {
  /** Overrides for this story, as `postman.use()` takes them: `{ code: 401 }`, `{ example: 'Unauthorized' }`… */
  use?: MockOverride | MockOverride[]
}

/**
 * Starts MSW's worker with the collection's handlers as initial handlers (they survive the reset
 * msw-storybook-addon does between stories). The worker URL is relative to iframe.html, so the same
 * build works at the site root and under a sub-path such as https://example.com/storybook/.
 */
export async function startPostmanWorker() {
  const worker = setupWorker(...postman.handlers)
  // msw 2 reads onUnhandledRequest, msw 3 reads onUnhandledFrame: Storybook's own files pass through on both.
  const bypass = { onUnhandledRequest: 'bypass', onUnhandledFrame: 'bypass' } as Record<string, unknown>
  await worker.start({ ...bypass, quiet: true, serviceWorker: { url: './mockServiceWorker.js' } })
  return worker
}

/** A Storybook loader: forgets the previous story's overrides and calls, then applies `parameters.postman.use`. */
export async function postmanLoader({ parameters }: { parameters: { postman?: PostmanParameters } }) {
  postman.reset()
  const use = parameters.postman?.use
  if (use) postman.use(...(Array.isArray(use) ? use : [use]))
  return {}
}
