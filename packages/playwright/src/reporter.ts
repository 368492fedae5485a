/**
 * `@postmock/playwright/reporter`: example coverage for a whole Playwright run. Every test's
 * `postman` fixture (and every `routePostmanMocks()` when it is unrouted), in every worker, records
 * which examples answered it; this reporter merges them into one report when the run ends.
 */

import type { FullResult, Reporter } from '@playwright/test/reporter'
import type { CoverageReporterOptions } from '@postmock/core'
import { CoverageRun } from '@postmock/core/node'

export type { CoverageReporterOptions }

/**
 * Prints a table of the examples the run served (per collection, per request and status class),
 * writes `postmock-coverage.json` (and a Markdown summary when asked, or to `$GITHUB_STEP_SUMMARY`),
 * and fails the run when fewer than `threshold` percent of the examples were served.
 *
 * @example
 * // playwright.config.ts
 * import { defineConfig } from '@playwright/test'
 *
 * export default defineConfig({
 *   reporter: [['list'], ['@postmock/playwright/reporter', { threshold: 80 }]],
 * })
 */
export default class PostmockCoverageReporter implements Reporter {
  private readonly run: CoverageRun

  constructor(options?: CoverageReporterOptions) {
    // Created in Playwright's runner process before any worker starts: workers inherit POSTMOCK_COVERAGE_DIR.
    this.run = new CoverageRun(options)
  }

  async onEnd(_result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    const outcome = this.run.end()
    return outcome.passed ? undefined : { status: 'failed' }
  }

  printsToStdio(): boolean {
    return false
  }
}
