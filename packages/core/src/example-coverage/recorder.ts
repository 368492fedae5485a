import type { ExampleInfo } from '../glossary.js'
import { collectionKey } from './collection-key.js'
import { countedCollection, coverageReport } from './report.js'
import type { CoverageExample, CoverageReport } from './types.js'

interface Usage {
  calls: number
  tests: Set<string>
}

interface Tracked {
  label: string
  key: string
  examples: readonly ExampleInfo[]
  usage: Map<string, Usage>
}

/**
 * Counts, per example, the calls it answered and the tests that made them, for one test file or one
 * Playwright test; `report()` gives the fragment a coverage reporter merges.
 *
 * @example
 * const recorder = new CoverageRecorder()
 * const index = recorder.add('testAPI', mock.examples)
 * for (const call of mock.calls()) if (call.example) recorder.record(index, call.example.location, 'users.test.ts > 401')
 * const fragment = recorder.report()
 */
export class CoverageRecorder {
  private readonly tracked: Tracked[] = []

  /** Registers a collection's examples; returns the index {@link record} takes. */
  add(label: string, examples: readonly ExampleInfo[]): number {
    this.tracked.push({ label, key: collectionKey(examples), examples, usage: new Map() })
    return this.tracked.length - 1
  }

  /** One call answered by the example at `location` of collection `index`, made by `test` if known. */
  record(index: number, location: string, test?: string): void {
    const tracked = this.tracked[index]
    if (!tracked) return
    let usage = tracked.usage.get(location)
    if (!usage) {
      usage = { calls: 0, tests: new Set() }
      tracked.usage.set(location, usage)
    }
    usage.calls++
    if (test) usage.tests.add(test)
  }

  /** Whether any call was recorded. */
  get empty(): boolean {
    return this.tracked.every((tracked) => tracked.usage.size === 0)
  }

  /** The collections so far, every example with its calls and tests. */
  report(): CoverageReport {
    return coverageReport(
      this.tracked.map(({ label, key, examples, usage }) =>
        countedCollection(
          label,
          key,
          examples.map((info): CoverageExample => {
            const used = usage.get(info.location)
            return {
              location: info.location,
              request: info.request,
              name: info.name,
              method: info.method,
              path: info.query ? `${info.path}?${info.query}` : info.path,
              code: info.code,
              calls: used?.calls ?? 0,
              tests: used ? [...used.tests].sort() : [],
            }
          }),
        ),
      ),
    )
  }
}
