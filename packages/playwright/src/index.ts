export type {
  CallFilter,
  ExampleCode,
  ExampleInfo,
  ExampleName,
  MockOverride,
  RecordedCall,
  RequestItemName,
  RequestName,
} from '@postmock/core'
export type { PostmanFixtures, PostmanTestFixtures } from './fixtures.js'
export { postmanFixtures } from './fixtures.js'
export type { CollectionSource, PostmanFixturesOptions, PostmanRouteOptions } from './options.js'
export type { RequestLike, RoutableLike, RouteLike } from './playwright-like.js'
export type { BlockedRequest, UnmatchedRequest } from './report.js'
export type { PostmanRoute } from './route-postman-mocks.js'
export { routePostmanMocks } from './route-postman-mocks.js'
export { systemChromium } from './system-chromium.js'
