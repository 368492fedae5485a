/**
 * Where the browser build registers msw's service worker, and where `postmockWorker()` serves it:
 * the root of the dev server, so that the worker's scope covers every page Vitest opens.
 */
export const WORKER_URL = '/mockServiceWorker.js'
