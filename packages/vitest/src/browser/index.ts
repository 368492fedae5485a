/**
 * @postmock/vitest in Vitest browser mode (the `browser` export condition): `setupPostmanMocks()` on
 * msw's service worker, with the same API as the Node build. No Node built-ins here.
 */
export type {
  OnUnmatched,
  PostmanMocks,
  PostmanSource,
  PostmanSourceEntry,
  PostmockServer,
  SetupPostmanMocksOptions,
} from '@postmock/adapter-node'
export type {
  CallFilter,
  ExampleCode,
  ExampleInfo,
  ExampleName,
  Explanation,
  MockOverride,
  PostmanMockOptions,
  RecordedCall,
  RequestItemName,
  RequestName,
} from '@postmock/core'
export { setupPostmanMocks } from './setup-postman-mocks.js'
