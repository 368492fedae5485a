/**
 * The `postmock` CLI: `pull` collections and mocks through the Postman API, `serve` them over
 * HTTP like `https://<mockId>.mock.pstmn.io`, and `inspect` them.
 */
export {
  createPostmanApi,
  DEFAULT_API_URL,
  DEFAULT_TIMEOUT_MS,
  type PostmanApi,
  type PostmanApiOptions,
} from './api/postman-api.js'
export { retryDelayMs } from './api/retry-delay.js'
export { main } from './cli.js'
export {
  CONFIG_FILE_NAME,
  type PostmockConfigFile,
  type PostmockConfigMock,
} from './config/postmock-config.js'
export {
  analyse,
  type ChosenBy,
  type InspectedExample,
  type Inspection,
  type InspectWarning,
} from './inspect/analyse.js'
export type { CliIo } from './output/io.js'
