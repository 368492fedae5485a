/**
 * `@postmock/jest/reporter`: example coverage for a whole Jest run. Every test file's
 * `setupPostmanMocks()` (in every worker) records which examples answered which tests; this reporter
 * merges them into one report when the run ends.
 */
import type { CoverageReporterOptions } from '@postmock/core'
import { CoverageRun } from '@postmock/core/node'

export type { CoverageReporterOptions }

/**
 * Prints a table of the examples the run served (per collection, per request and status class),
 * writes `postmock-coverage.json` (and a Markdown summary when asked, or to `$GITHUB_STEP_SUMMARY`),
 * and fails the run (exit code 1) when fewer than `threshold` percent of the examples were served.
 * Prints to stderr, as Jest's own reporters do (`--json` keeps stdout).
 *
 * @example
 * // jest.config.js
 * export default {
 *   reporters: ['default', ['@postmock/jest/reporter', { threshold: 80 }]],
 * }
 */
export default class PostmockCoverageReporter {
  private readonly run: CoverageRun
  private failure: Error | undefined

  /** Jest passes its global config first, then the options given in `reporters`. */
  constructor(_globalConfig?: unknown, options?: CoverageReporterOptions) {
    // Created in Jest's main process before any worker starts: workers inherit POSTMOCK_COVERAGE_DIR.
    this.run = new CoverageRun(options)
  }

  onRunComplete(): void {
    const write = (text: string) => process.stderr.write(text)
    const outcome = this.run.end({ out: write, error: write })
    this.failure = outcome.failure ? new Error(outcome.failure) : undefined
  }

  /** Jest fails the run when a reporter has an error here. */
  getLastError(): Error | undefined {
    return this.failure
  }
}
