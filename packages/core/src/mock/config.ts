import type { DelaySetting, PostmanEnvironment, PostmanMockOptions } from '../glossary.js'
import { postmockError } from '../messages.js'
import { readDelay } from './settings.js'

/** A Postman mock's `config`, as the Postman API returns it. */
export interface PostmanMockServerConfig {
  delay?: { type?: string; preset?: string; duration?: number } | null
  headers?: string[]
  matchBody?: boolean
  matchHeader?: boolean
  matchQueryParams?: boolean
  matchWildcards?: boolean
  serverResponseId?: string | null
}

/** One mock of a `postmock.config.json` (files already loaded when passed to core). */
export interface PostmockConfigMock {
  /** The mock id: served as `https://<id>.mock.pstmn.io`. */
  id: string
  name?: string
  /** The collection (parsed, or JSON text). In the file: a path relative to the config file. */
  collection: unknown
  /** The environment (parsed). In the file: a path relative to the config file. */
  environment?: PostmanEnvironment | string
  private?: boolean
  config?: PostmanMockServerConfig
  /** The active server response named by `config.serverResponseId`, as pulled from the Postman API. */
  serverResponse?: PostmanMockOptions['serverResponse']
}

/** What `postmock pull --mock` writes, and `loadPostmockConfig()` reads. */
export interface PostmockConfig {
  mocks: PostmockConfigMock[]
}

/**
 * Whether a value is a postmock config rather than a collection.
 *
 * @example
 * isPostmockConfig({ mocks: [] }) // true
 * isPostmockConfig({ info: {}, item: [] }) // false
 */
export function isPostmockConfig(value: unknown): value is PostmockConfig {
  return (
    !!value &&
    typeof value === 'object' &&
    Array.isArray((value as PostmockConfig).mocks) &&
    !('item' in value)
  )
}

function postmanDelay(delay: PostmanMockServerConfig['delay'], option: string): DelaySetting | undefined {
  if (!delay) return undefined
  if (delay.preset === '1') return '2G'
  if (delay.preset === '2') return '3G'
  return readDelay(delay.duration, option)
}

/** Turns one mock of a config into the collection and options of a site on its own mock host. */
export function configMockOptions(
  mock: PostmockConfigMock,
  index: number,
  shared: PostmanMockOptions,
): PostmanMockOptions {
  if (!mock || typeof mock.id !== 'string' || !mock.id) {
    throw postmockError(
      'INVALID_CONFIG',
      'read the postmock config',
      `mocks[${index}].id: expected the mock id (the <id> of https://<id>.mock.pstmn.io)`,
      'Run `postmock pull --mock <id>` again, or fix the file by hand',
      `mocks[${index}].id`,
    )
  }
  const config = mock.config ?? {}
  return {
    ...shared,
    environment: mock.environment ?? shared.environment,
    private: mock.private ?? shared.private,
    delay: postmanDelay(config.delay, `mocks[${index}].config.delay`) ?? shared.delay,
    matchBody: config.matchBody ?? shared.matchBody,
    matchHeaders: config.matchHeader ? (config.headers ?? []) : shared.matchHeaders,
    matchQueryParams: config.matchQueryParams ?? shared.matchQueryParams,
    matchWildcards: config.matchWildcards ?? shared.matchWildcards,
    serverResponse:
      config.serverResponseId && mock.serverResponse ? mock.serverResponse : shared.serverResponse,
    mockIds: [mock.id],
    baseUrls: undefined,
  }
}
