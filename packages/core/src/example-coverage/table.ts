import { breakdown, classesOf, type RequestBreakdown, tallyText } from './breakdown.js'
import { formatPercent } from './report.js'
import type { CoverageCollection, CoverageReport } from './types.js'

/** Rows as aligned, two-space-separated columns, indented by two spaces. */
export function alignRows(rows: readonly string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? []
  return rows.map((row) => `  ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd())
}

/** A collection's heading: `testAPI: 7 of 10 examples served (70.0%), 12 calls`. */
export function collectionHeading(collection: CoverageCollection): string {
  const calls = collection.examples.reduce((sum, example) => sum + example.calls, 0)
  const percent = collection.total === 0 ? 100 : (collection.served / collection.total) * 100
  return `${collection.label}: ${collection.served} of ${collection.total} examples served (${formatPercent(percent)}), ${calls} call${calls === 1 ? '' : 's'}`
}

function row(entry: RequestBreakdown, classes: readonly string[]): string[] {
  return [
    entry.request,
    entry.method,
    entry.path,
    tallyText(entry.all),
    ...classes.map((name) => tallyText(entry.byClass.get(name))),
  ]
}

/**
 * The terminal table: the run's totals, then per collection one row per request (served / total,
 * and per status class) and a row for the whole collection.
 *
 * @example
 * console.log(coverageTable(mergeCoverage(inputs)))
 * // [postmock] Example coverage: 9 of 12 examples served (75.0%), 31 calls
 * //
 * // testAPI: 7 of 10 examples served (70.0%), 25 calls
 * //   request   method  path      served  2xx  4xx  5xx
 * //   Get user  GET     /users/1  2/3     1/1  1/1  0/1
 * //   …
 */
export function coverageTable(report: CoverageReport): string {
  if (report.collections.length === 0) {
    return '[postmock] Example coverage: no test loaded a collection (setupPostmanMocks() of @postmock/vitest or @postmock/jest, or the postman fixture of @postmock/playwright, count what they serve while a coverage reporter runs)'
  }
  const lines = [
    `[postmock] Example coverage: ${report.served} of ${report.total} examples served (${formatPercent(report.percent)}), ${report.calls} call${report.calls === 1 ? '' : 's'}`,
  ]
  for (const collection of report.collections) {
    const classes = classesOf(collection)
    const { requests, whole } = breakdown(collection)
    lines.push('', collectionHeading(collection))
    lines.push(
      ...alignRows([
        ['request', 'method', 'path', 'served', ...classes],
        ...requests.map((entry) => row(entry, classes)),
        row(whole, classes),
      ]),
    )
  }
  return lines.join('\n')
}
