import type { PostmanEnvironment, PostmanMockOptions } from '@postmock/core'

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
}

/** Options of {@link postmanFixtures}: the collection plus everything {@link routePostmanMocks} accepts. */
export interface PostmanFixturesOptions extends PostmanRouteOptions {
  /** The collection: a path to its JSON file (relative to the Playwright config's folder) or the parsed object. */
  collection: CollectionSource
}
