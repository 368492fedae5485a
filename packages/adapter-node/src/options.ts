import type { PostmanEnvironment, PostmanMockOptions, RedactOptions } from '@postmock/core'
import { bareHost } from './interception/authority.js'
import type { ConnectionTarget } from './interception/glossary.js'

/** What to do with a request the collection does not answer. */
export type OnUnmatched = 'error' | 'warn' | 'bypass'

/** A collection or config file path, a parsed collection, a loaded `postmock.config.json`, or a source with its own options. */
export type PostmanSource = string | object | PostmanSourceEntry

/**
 * One source with options of its own (over the shared ones), so several collections in one setup
 * each serve their own origins.
 *
 * @example
 * setupPostmanMocks([
 *   { collection: './users.postman_collection.json', baseUrls: ['https://users.example.com'] },
 *   { collection: './orders.postman_collection.json', baseUrls: ['https://orders.example.com'] },
 * ])
 */
export interface PostmanSourceEntry extends Omit<PostmanMockOptions, 'environment'> {
  /** A collection or config file path, or a parsed collection or config. */
  collection: string | object
  /** A parsed environment export, or the path of one. */
  environment?: PostmanEnvironment | string
}

/** Options of `setupPostmanMocks()`: core's options plus the test-runner ones. */
export interface SetupPostmanMocksOptions extends Omit<PostmanMockOptions, 'environment'> {
  /** A parsed environment export, or the path of one (relative paths resolve from `process.cwd()`). */
  environment?: PostmanEnvironment | string
  /**
   * An unmatched request to a served origin, or any request to an origin no collection serves:
   * - `'error'` (default): the request gets Postman's 404 (served origin) or a network error
   *   (other origins, never sent), and the test that made it fails with a report.
   * - `'warn'`: the same answers, but the report is printed with `console.warn` and the test passes.
   * - `'bypass'`: unmatched requests get Postman's 404 silently; other origins go to the network.
   */
  onUnmatched?: OnUnmatched
  /** Print a table of the examples no test served, when the test file ends. Default `false`. */
  reportUnused?: boolean
  /**
   * What may reach the real network; everything else that no collection serves is refused:
   * - an origin or URL prefix (`'http://127.0.0.1:4000'`, `'https://auth.example.com/oauth'`): HTTP
   *   requests under it, and connections to its host and port;
   * - a `host:port` pair (`'db.internal:5432'`): any connection to it, whatever the protocol;
   * - a RegExp, tested against the request URL and against `host:port` for other connections.
   */
  passthrough?: Array<string | RegExp>
  /**
   * Connections to loopback (`localhost`, 127.0.0.0/8, `::1`) that do not carry HTTP — a test database,
   * Redis: `'allow'` (default) lets them through; `'refuse'` refuses them unless listed in `passthrough`.
   * HTTP to loopback is always refused unless served (`baseUrls`) or listed in `passthrough`.
   */
  loopbackSockets?: 'allow' | 'refuse'
  /**
   * Record real answers into the collection file (issue 11; see docs/recording.md). The environment
   * variable `POSTMOCK_RECORD=missing|all` wins over this option.
   * - `'missing'`: a request to a served origin that no example answers is sent to the real API, the
   *   real answer goes back to the app (the test is not failed for it), and it is saved as a new example.
   * - `'all'`: every request the collection would answer by matching goes to the real API, and the real
   *   answer refreshes the example that matched (requests answered through `use()` or `x-mock-response-*`
   *   keep the mock's answer).
   *
   * A `baseUrls` origin is its own real API; `*.mock.pstmn.io` needs `recordTarget`. Only those are
   * reached; everything else stays refused. The file is written when the test file ends (`afterAll`),
   * in its own layout; parallel workers recording into one file lose nothing. Needs collection file
   * paths as sources. Default: off.
   *
   * @example
   * setupPostmanMocks('./testAPI.json', { baseUrls: ['https://staging.api.example.com'], record: 'missing' })
   */
  record?: 'missing' | 'all' | false
  /**
   * The real API behind `https://<mockId>.mock.pstmn.io` when recording, e.g.
   * `'https://staging.api.example.com/v1'`: a request to `…mock.pstmn.io/users/1` is sent to
   * `https://staging.api.example.com/v1/users/1`.
   */
  recordTarget?: string
  /**
   * What never lands in a recorded example, beside `Authorization`, `Cookie`, `Set-Cookie`, `X-Api-Key`,
   * `Proxy-Authorization` and the `apikey`/`api_key`/`access_token` query values: more header names,
   * query keys and JSON paths in bodies (`$.token`, `$.users[*].email`, `$..password`), saved as `{{redacted}}`.
   *
   * @example
   * setupPostmanMocks('./testAPI.json', { record: 'missing', recordTarget: 'https://api.example.com', redact: { jsonPaths: ['$.token'] } })
   */
  redact?: RedactOptions
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'ws:': 80, 'https:': 443, 'wss:': 443 }

/** `host:port` of a URL, the port spelled out, IPv6 without brackets. */
function hostPort(url: URL): string {
  return `${bareHost(url.hostname)}:${url.port || DEFAULT_PORTS[url.protocol] || ''}`
}

function isUrlLike(entry: string): boolean {
  return entry.includes('://')
}

/** A WebSocket entry names the HTTP URL its handshake is sent to. */
function asHttp(entry: string): string {
  return entry.replace(/^ws(s?):\/\//i, 'http$1://')
}

/** Whether a request URL is let through to the network by the `passthrough` option. */
export function isPassthrough(url: string, passthrough: ReadonlyArray<string | RegExp> | undefined): boolean {
  if (!passthrough?.length) return false
  let target: string | undefined
  return passthrough.some((entry) => {
    if (typeof entry !== 'string') return entry.test(url)
    if (isUrlLike(entry)) return url.startsWith(asHttp(entry))
    target ??= hostPort(new URL(url))
    return target === entry.replace(/^\[|\](?=:)/g, '')
  })
}

/** Whether a connection to `host:port` is let through by the `passthrough` option. */
export function isPassthroughTarget(
  connection: ConnectionTarget,
  passthrough: ReadonlyArray<string | RegExp> | undefined,
): boolean {
  if (!passthrough?.length) return false
  const target = `${bareHost(connection.host)}:${connection.port}`
  return passthrough.some((entry) => {
    if (typeof entry !== 'string') return entry.test(target)
    if (!isUrlLike(entry)) return target === entry.replace(/^\[|\](?=:)/g, '')
    try {
      return hostPort(new URL(asHttp(entry))) === target
    } catch {
      return false
    }
  })
}
