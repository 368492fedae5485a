import type { CoverageRecorder, MockScope } from '@postmock/core'
import type { Runtime } from '../runtime.js'
import type { MockFactory } from '../sources.js'
import type { TestIdentity } from './test-identity.js'

/**
 * One test file's example coverage: which examples each scope served, how often, and to which test.
 * Created only when a coverage reporter announced a run directory (`POSTMOCK_COVERAGE_DIR`); the
 * fragment is written when the file's session stops.
 */
export class SessionCoverage {
  private readonly recorder: CoverageRecorder

  private constructor(
    private readonly runtime: Runtime,
    factories: readonly MockFactory[],
    shared: MockScope,
  ) {
    this.recorder = new runtime.core.CoverageRecorder()
    shared.mocks.forEach((mock, i) => {
      this.recorder.add(factories[i]?.label ?? `source ${i + 1}`, mock.examples)
    })
  }

  /**
   * The coverage of a session whose sources just loaded, or `undefined` when no coverage reporter
   * runs (nothing is recorded then).
   */
  static start(
    runtime: Runtime,
    factories: readonly MockFactory[],
    shared: MockScope,
  ): SessionCoverage | undefined {
    if (!process.env[runtime.coreNode.COVERAGE_DIR_ENV]) return undefined
    return new SessionCoverage(runtime, factories, shared)
  }

  /** Counts the calls a scope recorded (before it is reset), for `test` when known. */
  collect(set: MockScope, test: TestIdentity | undefined): void {
    const label = this.runtime.coreNode.coverageTestLabel(test?.name, test?.file)
    set.mocks.forEach((mock, i) => {
      for (const call of mock.calls()) {
        if (call.example) this.recorder.record(i, call.example.location, label)
      }
    })
  }

  /** Writes this file's fragment into the run directory. */
  write(): void {
    this.runtime.coreNode.writeCoverageFragment(this.recorder.report())
  }
}
