/** @postmock/jest: `setupPostmanMocks()` for Jest (ESM and CJS builds). */
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
  ExampleInfo,
  Explanation,
  MockOverride,
  PostmanMockOptions,
  RecordedCall,
} from '@postmock/core'
export { setupPostmanMocks } from './setup-postman-mocks.js'
