import { readCoverage } from './parse.js'
import { countedCollection, coverageReport } from './report.js'
import type { CoverageExample, CoverageReport } from './types.js'

interface Merging {
  label: string
  key: string
  order: string[]
  examples: Map<string, { example: CoverageExample; tests: Set<string> }>
}

/** A document to merge and the name its errors give it (a file path, `worker 2`…). */
export interface CoverageInput {
  source: string
  value: unknown
}

/**
 * One report from fragments and reports (test files, workers, shards): collections are the same when
 * their content keys are, examples the same when their locations are; calls add up and test names
 * join. Collections of one name with different examples get their key's start in their label. Throws a `PostmockError` (`INVALID_COVERAGE`) for a document that is not a coverage report.
 *
 * @example
 * const report = mergeCoverage([
 *   { source: 'shard-1.json', value: JSON.parse(first) },
 *   { source: 'shard-2.json', value: JSON.parse(second) },
 * ])
 * console.log(`${report.served} of ${report.total}`)
 */
export function mergeCoverage(inputs: readonly CoverageInput[]): CoverageReport {
  const byKey = new Map<string, Merging>()
  for (const { source, value } of inputs) {
    for (const collection of readCoverage(value, source)) {
      let merging = byKey.get(collection.key)
      if (!merging) {
        merging = { label: collection.label, key: collection.key, order: [], examples: new Map() }
        byKey.set(collection.key, merging)
      }
      for (const example of collection.examples) {
        const known = merging.examples.get(example.location)
        if (known) {
          known.example.calls += example.calls
          for (const test of example.tests) known.tests.add(test)
        } else {
          merging.order.push(example.location)
          merging.examples.set(example.location, { example: { ...example }, tests: new Set(example.tests) })
        }
      }
    }
  }
  const collections = [...byKey.values()]
  const count = new Map<string, number>()
  for (const { label } of collections) count.set(label, (count.get(label) ?? 0) + 1)
  return coverageReport(
    collections.map(({ label, key, order, examples }) =>
      countedCollection(
        // two collections of one name (changed between shards, or two files named alike) are told apart
        (count.get(label) ?? 0) > 1 ? `${label} (${key.slice(0, 8)})` : label,
        key,
        order.map((location) => {
          const { example, tests } = examples.get(location)!
          return { ...example, tests: [...tests].sort() }
        }),
      ),
    ),
  )
}
