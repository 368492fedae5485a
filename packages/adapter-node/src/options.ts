import type { PostmanEnvironment, PostmanMockOptions } from '@postmock/core'

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
   * Origins (or URL prefixes, or patterns) that may reach the real network, e.g. a server the test
   * starts on `http://127.0.0.1:4000`. Everything else that no collection serves is refused.
   */
  passthrough?: Array<string | RegExp>
}

/** Whether a request URL is let through to the network by the `passthrough` option. */
export function isPassthrough(url: string, passthrough: ReadonlyArray<string | RegExp> | undefined): boolean {
  if (!passthrough) return false
  return passthrough.some((entry) => (typeof entry === 'string' ? url.startsWith(entry) : entry.test(url)))
}
