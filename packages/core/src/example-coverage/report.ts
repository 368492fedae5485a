import type { CoverageCollection, CoverageExample, CoverageReport } from './types.js'

/** One collection with its `served` count recomputed from its examples. */
export function countedCollection(
  label: string,
  key: string,
  examples: CoverageExample[],
): CoverageCollection {
  const served = examples.filter((example) => example.calls > 0).length
  return { label, key, total: examples.length, served, examples }
}

/**
 * A report over these collections: totals, percent and calls computed from the examples.
 *
 * @example
 * const report = coverageReport([countedCollection('testAPI', key, examples)])
 * console.log(report.percent)
 */
export function coverageReport(collections: CoverageCollection[]): CoverageReport {
  let total = 0
  let served = 0
  let calls = 0
  for (const collection of collections) {
    total += collection.total
    served += collection.served
    for (const example of collection.examples) calls += example.calls
  }
  return {
    format: 'postmock-coverage',
    version: 1,
    total,
    served,
    percent: total === 0 ? 100 : (served / total) * 100,
    calls,
    collections,
  }
}

/** `75.0%`: one decimal, never rounded up to a threshold it did not reach. */
export function formatPercent(percent: number): string {
  return `${(Math.floor(percent * 10) / 10).toFixed(1)}%`
}
