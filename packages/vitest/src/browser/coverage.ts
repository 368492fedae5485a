import { CoverageRecorder, type CoverageReport, type PostmanMock } from '@postmock/core'
import { commands } from 'vitest/browser'
import { COVERAGE_COMMANDS } from '../coverage-commands.js'
import type { LoadedSource } from './read-sources.js'

/** The coverage commands `postmockWorker()` registers, absent without it. */
interface CoverageCommands {
  [COVERAGE_COMMANDS.run]?: () => Promise<boolean>
  [COVERAGE_COMMANDS.fragment]?: (fragment: CoverageReport) => Promise<void>
}

/**
 * One browser-mode test file's example coverage: which examples each scope served, how often, and to
 * which test (its full name; the Node side adds the file). Created only when `postmockWorker()`
 * registered the coverage commands and a coverage reporter runs; the fragment goes to the Node side
 * when the file ends.
 *
 * @example
 * const coverage = await BrowserCoverage.start(loaded)
 * coverage?.collect(scope.mocks, 'users > 401')
 * await coverage?.write()
 */
export class BrowserCoverage {
  private readonly recorder = new CoverageRecorder()

  private constructor(
    sources: readonly LoadedSource[],
    private readonly send: (fragment: CoverageReport) => Promise<void>,
  ) {
    for (const { label, mock } of sources) this.recorder.add(label, mock.examples)
  }

  /** The coverage of a file whose sources just loaded, or `undefined` when none is recorded. */
  static async start(sources: readonly LoadedSource[]): Promise<BrowserCoverage | undefined> {
    const available = commands as unknown as CoverageCommands
    const run = available[COVERAGE_COMMANDS.run]
    const send = available[COVERAGE_COMMANDS.fragment]
    if (!run || !send || !(await run())) return undefined
    return new BrowserCoverage(sources, send)
  }

  /** Counts the calls a scope recorded (before it is reset), for `test` when known. */
  collect(mocks: readonly PostmanMock[], test: string | undefined): void {
    mocks.forEach((mock, i) => {
      for (const call of mock.calls()) {
        if (call.example) this.recorder.record(i, call.example.location, test)
      }
    })
  }

  /** Sends this file's fragment to the Node side, which writes it into the run directory. */
  write(): Promise<void> {
    return this.send(this.recorder.report())
  }
}
