import { createPostmanMock, type PostmanMock } from '@postmock/core'
import { setupWorker } from 'msw/browser'
import collection from '../../../testAPI.postman_collection.json'
import environment from '../../../testAPIEnv.postman_environment.json'

declare global {
  interface Window {
    /** The running mock, for tests and the devtools console: `__postmock.calls()`, `__postmock.use({ code: 401 })`. */
    __postmock?: PostmanMock
  }
}

/** Starts MSW's service worker with the handlers of the testAPI collection. */
export async function startMocks(): Promise<PostmanMock> {
  const mock = createPostmanMock(collection, {
    environment,
    baseUrls: ['https://api.example.com'],
    mockIds: ['6f1c2a3e'],
  })
  const worker = setupWorker(...mock.handlers)
  // msw 2 reads onUnhandledRequest, msw 3 reads onUnhandledFrame: let the app's own files through on both.
  const quietBypass = { onUnhandledRequest: 'bypass', onUnhandledFrame: 'bypass' } as Record<string, unknown>
  await worker.start({
    ...quietBypass,
    quiet: true,
    // the worker script sits in public/, served under Vite's base path (see README for sub-path hosting)
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  })
  window.__postmock = mock
  return mock
}
