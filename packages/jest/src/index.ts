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
