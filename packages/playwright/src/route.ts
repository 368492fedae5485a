/**
 * `@postmock/playwright/route`: {@link routePostmanMocks} and {@link systemChromium} alone, for scripts
 * that drive `playwright-core` directly. Its types import nothing from `@playwright/test` (the main
 * entry's do, for `postmanFixtures`), so it type-checks where only `playwright-core` is installed.
 */
export type { CollectionSource, PostmanRouteOptions } from './options.js'
export type { RequestLike, RoutableLike, RouteLike } from './playwright-like.js'
export type { BlockedRequest, UnmatchedRequest } from './report.js'
export type { PostmanRoute } from './route-postman-mocks.js'
export { routePostmanMocks } from './route-postman-mocks.js'
export { systemChromium } from './system-chromium.js'
