import { postmockError } from '../messages.js'

const MOCK_SUFFIX = '.mock.pstmn.io'

/**
 * The mock id of a `<mockId>.mock.pstmn.io` host, or `undefined` for any other host.
 *
 * @example
 * mockIdOf('6f1c2a3e.mock.pstmn.io') // '6f1c2a3e'
 * mockIdOf('api.example.com') // undefined
 */
export function mockIdOf(hostname: string): string | undefined {
  const host = hostname.toLowerCase()
  if (!host.endsWith(MOCK_SUFFIX)) return undefined
  const label = host.slice(0, -MOCK_SUFFIX.length)
  return label && !label.includes('.') ? label : undefined
}

/** An app origin served beside the mock hosts, with an optional base path (no trailing slash). */
export interface BaseUrl {
  origin: string
  basePath: string
}

/** Reads one `baseUrls` entry, naming the option when it is not an absolute http(s) URL. */
export function parseBaseUrl(value: unknown, option: string): BaseUrl {
  let url: URL | undefined
  if (typeof value === 'string') {
    try {
      url = new URL(value)
    } catch {
      url = undefined
    }
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw postmockError(
      'INVALID_OPTION',
      'read the options',
      `option "${option}": expected an absolute http(s) URL such as "https://api.example.com", got ${JSON.stringify(value)}`,
      'Pass the origin your app calls, optionally with a base path',
      option,
    )
  }
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') }
}

/** Whether a path lies under a base path (`/api` serves `/api` and `/api/…`, not `/apix`). */
export function underBasePath(pathname: string, basePath: string): boolean {
  return !basePath || pathname === basePath || pathname.startsWith(`${basePath}/`)
}
