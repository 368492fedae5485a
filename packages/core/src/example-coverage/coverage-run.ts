/** Node only, exported from `@postmock/core/node`: what every coverage reporter does. */
import { type CoverageOutcome, coverageOptionsOf, endCoverageRun, startCoverageRun } from './run-files.js'
import type { CoverageOptions } from './types.js'

/** Where a reporter prints: the table and the threshold failure. */
export interface CoveragePrinter {
  out(text: string): void
  error(text: string): void
}

const processPrinter: CoveragePrinter = {
  out: (text) => process.stdout.write(text),
  error: (text) => process.stderr.write(text),
}

/**
 * One reporter's coverage run: created with the reporter (in the runner's main process, before any
 * worker starts), it announces the run directory to the workers; `end()` merges their fragments,
 * prints the table, writes the files and says whether the threshold was met.
 *
 * @example
 * export default class Reporter {
 *   private readonly run = new CoverageRun({ threshold: 80 })
 *   onTestRunEnd() {
 *     if (!this.run.end().passed) process.exitCode = 1
 *   }
 * }
 */
export class CoverageRun {
  readonly options: CoverageOptions
  readonly dir: string

  /** `reporterOptions`: `{ threshold, outputDir, json, markdown }`, or `{ coverage: { … } }`. */
  constructor(reporterOptions?: unknown) {
    this.options = coverageOptionsOf(reporterOptions)
    this.dir = startCoverageRun()
  }

  /** Merges the run's fragments, prints the table (and the unserved examples when below the threshold). */
  end(printer: CoveragePrinter = processPrinter): CoverageOutcome {
    const outcome = endCoverageRun(this.dir, this.options)
    printer.out(`\n${outcome.text}`)
    if (outcome.failure) printer.error(`\n${outcome.failure}\n`)
    return outcome
  }
}
