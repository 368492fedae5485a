import type { PostmanEnvironment, PostmanMockOptions, RedactOptions } from '@postmock/core'

/** A collection: a path to its JSON file (relative paths resolve from `baseDir`) or the parsed object. */
export type CollectionSource = string | object

/** What {@link routePostmanMocks} accepts beside the collection. */
export interface PostmanRouteOptions extends Omit<PostmanMockOptions, 'environment'> {
  /** An environment export: a path to its JSON file (relative paths resolve from `baseDir`) or the parsed object. */
  environment?: string | PostmanEnvironment
  /**
   * What happens when a request to a served origin matches no example. The page always receives
   * Postman's not-found answer; `'error'` (default) also fails the test (fixture) or makes
   * `assertNoUnmatched()` throw, with the near-miss report; `'warn'` prints that report.
   */
  onUnmatched?: 'error' | 'warn'
  /**
   * Abort requests to origins that are neither served nor on this machine (`localhost`, `127.x`,
   * `[::1]`), so nothing leaves for the internet. Default `true`. Aborted requests are reported like
   * unmatched ones.
   */
  blockUnserved?: boolean
  /** Extra origins that pass through untouched although they are not on this machine, e.g. `'https://staging.example.com'`. */
  allowOrigins?: string[]
  /** Where relative file paths resolve. Default: `process.cwd()` (the fixture uses the Playwright config's folder). */
  baseDir?: string
  /**
   * Record the real API's answers into the collection file (see docs/recording.md). `POSTMOCK_RECORD=missing|all`
   * in the environment wins over this option. `'missing'`: a page request to a served origin that no
   * example answers is sent to the real API (with `route.fetch()`), the page gets the real answer, and it is
   * saved as a new example. `'all'`: every request an example answers by matching goes to the real API
   * and refreshes that example. A `baseUrls` origin is its own real API; `*.mock.pstmn.io` needs
   * `recordTarget`. Other origins stay refused. The file is written when the test ends (`unroute()`),
   * locked, so parallel workers lose nothing. Needs the collection as a file path.
   *
   * @example
   * postmanFixtures({ collection: './testAPI.json', baseUrls: ['https://staging.api.example.com'], record: 'missing' })
   */
  record?: 'missing' | 'all' | false
  /**
   * The real API behind `https://<mockId>.mock.pstmn.io` when recording, e.g.
   * `'https://staging.api.example.com/v1'`: the path below the mock's host is sent below it.
   */
  recordTarget?: string
  /**
   * What never lands in a recorded example, beside `Authorization`, `Cookie`, `Set-Cookie`, `X-Api-Key`,
   * `Proxy-Authorization` headers and `apikey`/`api_key`/`access_token` query values: header names,
   * query keys and JSON paths in bodies, saved as `{{redacted}}`.
   *
   * @example
   * postmanFixtures({ collection: './testAPI.json', record: 'missing', recordTarget: 'https://api.example.com', redact: { jsonPaths: ['$.token'] } })
   */
  redact?: RedactOptions
}

/** Options of {@link postmanFixtures}: the collection plus everything {@link routePostmanMocks} accepts. */
export interface PostmanFixturesOptions extends PostmanRouteOptions {
  /** The collection: a path to its JSON file (relative to the Playwright config's folder) or the parsed object. */
  collection: CollectionSource
}
