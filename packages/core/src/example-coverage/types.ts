/**
 * The example-coverage format: what one test file (a fragment) or a whole run (a report) served.
 * Fragments and reports share one shape, so merging reads either, and shard reports merge again.
 */

/** One saved example and how the run used it. */
export interface CoverageExample {
  /** JSON path of the example in its collection, e.g. `item[0].response[1]`. */
  location: string
  /** The request (item) name. */
  request: string
  /** The example name. */
  name: string
  method: string
  /** The path the example answers, with its query when it has one (`/users?page=2`). */
  path: string
  code: number
  /** How many requests this example answered. */
  calls: number
  /** The tests that were answered with it (`<file> > <test name>`), sorted. */
  tests: string[]
}

/** The examples of one collection. */
export interface CoverageCollection {
  /** The collection's name (`info.name`), or its file name. */
  label: string
  /** A hash of the collection's examples: the same label with other examples is another collection. */
  key: string
  /** How many examples the collection has. */
  total: number
  /** How many of them answered at least one request. */
  served: number
  /** Every example, in collection order. */
  examples: CoverageExample[]
}

/** `postmock-coverage.json`: every collection a run loaded, and what it served. */
export interface CoverageReport {
  format: 'postmock-coverage'
  version: 1
  /** Examples of every collection. */
  total: number
  /** Examples that answered at least one request. */
  served: number
  /** `served / total` in percent (100 when there are no examples), not rounded. */
  percent: number
  /** Requests answered with an example. */
  calls: number
  collections: CoverageCollection[]
}

/**
 * The reporters' `coverage` options (`@postmock/vitest/reporter`, `@postmock/jest/reporter`,
 * `@postmock/playwright/reporter`) and the CLI's `postmock coverage merge` flags.
 */
export interface CoverageOptions {
  /** The run fails when fewer than this percent of the examples were served. */
  threshold?: number
  /** Where `json` and `markdown` are written (relative to the working directory). Default `.`. */
  outputDir?: string
  /** The JSON report's file name, or `false` for none. Default `postmock-coverage.json`. */
  json?: string | false
  /**
   * A Markdown summary's file name (none by default). When `$GITHUB_STEP_SUMMARY` is set, the
   * summary is appended there too.
   */
  markdown?: string | false
}

/**
 * What the coverage reporters take: the coverage options, flat (`{ threshold: 80 }`) or under
 * `coverage` (`{ coverage: { threshold: 80 } }`).
 */
export interface CoverageReporterOptions extends CoverageOptions {
  coverage?: CoverageOptions
}

/** An example no test served, as the threshold check lists it. */
export interface UnservedExample extends CoverageExample {
  /** The collection's label. */
  collection: string
}
