import type { ApiMockConfig } from '../api/postman-resources.js'

/** One mock in `postmock.config.json`. Paths are relative to the config file. */
export interface PostmockConfigMock {
  id: string
  name?: string
  collection: string
  environment?: string
  private: boolean
  config: {
    delay: ApiMockConfig['delay']
    headers: string[]
    matchBody: boolean
    matchHeader: boolean
    matchQueryParams: boolean
    matchWildcards: boolean
    serverResponseId: string | null
  }
  /** The active server response `config.serverResponseId` names, when there is one. */
  serverResponse?: {
    name?: string
    statusCode: number
    headers: Array<{ key: string; value: string }>
    body: string
  }
}

/** The whole `postmock.config.json`. It never holds an API key. */
export interface PostmockConfigFile {
  mocks: PostmockConfigMock[]
}

/**
 * The file name `pull --mock` writes and `serve` looks for in a folder.
 *
 * @example
 * const config = await loadPostmockConfig(join('postman', CONFIG_FILE_NAME))
 */
export const CONFIG_FILE_NAME = 'postmock.config.json'

/** Postman's mock config with Postman's defaults filled in. */
export function normaliseMockConfig(config: ApiMockConfig | undefined): PostmockConfigMock['config'] {
  return {
    delay: config?.delay ?? null,
    headers: Array.isArray(config?.headers) ? config.headers.filter((h) => typeof h === 'string') : [],
    matchBody: config?.matchBody === true,
    matchHeader: config?.matchHeader === true,
    matchQueryParams: config?.matchQueryParams !== false,
    matchWildcards: config?.matchWildcards !== false,
    serverResponseId: config?.serverResponseId ?? null,
  }
}

/** Adds or replaces (by id) one mock in a config, keeping the others. */
export function mergeConfig(
  existing: PostmockConfigFile | undefined,
  mock: PostmockConfigMock,
): PostmockConfigFile {
  const others = (existing?.mocks ?? []).filter((entry) => entry.id !== mock.id)
  return { mocks: [...others, mock] }
}
