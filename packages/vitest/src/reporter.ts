/**
 * `@postmock/vitest/reporter`: example coverage for a whole Vitest run. Every test file's
 * `setupPostmanMocks()` (in every worker) records which examples answered which tests; this reporter
 * merges them into one report when the run ends.
 */
import type { CoverageReporterOptions } from '@postmock/core'
import { CoverageRun } from '@postmock/core/node'
import type { Reporter } from 'vitest/node'

export type { CoverageReporterOptions }

/**
 * Prints a table of the examples the run served (per collection, per request and status class),
 * writes `postmock-coverage.json` (and a Markdown summary when asked, or to `$GITHUB_STEP_SUMMARY`),
 * and fails the run when fewer than `threshold` percent of the examples were served.
 *
 * @example
 * // vitest.config.ts
 * import { defineConfig } from 'vitest/config'
 *
 * export default defineConfig({
 *   test: {
 *     reporters: ['default', ['@postmock/vitest/reporter', { threshold: 80 }]],
 *   },
 * })
 */
export default class PostmockCoverageReporter implements Reporter {
  private readonly run: CoverageRun

  constructor(options?: CoverageReporterOptions) {
    // Created in Vitest's main process before the pool starts: workers inherit POSTMOCK_COVERAGE_DIR.
    this.run = new CoverageRun(options)
  }

  onTestRunEnd(): void {
    if (!this.run.end().passed) process.exitCode = 1
  }
}
