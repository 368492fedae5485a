import { formatMessage, postmockError } from '../messages.js'
import { formatPercent } from './report.js'
import { alignRows } from './table.js'
import type { CoverageReport, UnservedExample } from './types.js'

/** What {@link checkCoverageThreshold} found. */
export interface ThresholdCheck {
  /** Whether the run served at least `threshold` percent of the examples (always true without one). */
  met: boolean
  /** Every example no test was answered with. */
  unserved: UnservedExample[]
  /** When not met: the `[postmock]` message with the list of unserved examples. */
  message: string | undefined
}

/** Every example of the report that answered no request, with its collection's label. */
export function unservedExamples(report: CoverageReport): UnservedExample[] {
  return report.collections.flatMap((collection) =>
    collection.examples
      .filter((example) => example.calls === 0)
      .map((example) => ({ ...example, collection: collection.label })),
  )
}

/**
 * Throws a `PostmockError` (`INVALID_OPTION`) unless `threshold` is undefined or a percentage.
 *
 * @example
 * validateThreshold(80, 'coverage.threshold')
 */
export function validateThreshold(threshold: unknown, option: string): number | undefined {
  if (threshold === undefined) return undefined
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0 || threshold > 100) {
    throw postmockError(
      'INVALID_OPTION',
      'read the coverage options',
      `${option}: expected a percentage from 0 to 100, got ${JSON.stringify(threshold) ?? String(threshold)}`,
      'Pass e.g. 80, or leave it out',
      option,
    )
  }
  return threshold
}

/**
 * Whether the report reaches `threshold` percent of examples served; when it does not, a message
 * listing the unserved examples (collection, request, method, path, code, name, JSON path).
 *
 * @example
 * const check = checkCoverageThreshold(report, 80)
 * if (!check.met) {
 *   console.error(check.message)
 *   process.exitCode = 1
 * }
 */
export function checkCoverageThreshold(
  report: CoverageReport,
  threshold: number | undefined,
): ThresholdCheck {
  const unserved = unservedExamples(report)
  if (threshold === undefined || report.percent >= threshold)
    return { met: true, unserved, message: undefined }
  const head = formatMessage(
    'reach the example coverage threshold',
    `${formatPercent(report.percent)} of the examples were served (${report.served} of ${report.total}), below the threshold of ${threshold}%`,
    `Write tests that get the ${unserved.length} unserved example${unserved.length === 1 ? '' : 's'} below, or lower coverage.threshold`,
  )
  const rows = alignRows([
    ['collection', 'request', 'method', 'path', 'code', 'example', 'location'],
    ...unserved.map((e) => [e.collection, e.request, e.method, e.path, String(e.code), e.name, e.location]),
  ])
  return { met: false, unserved, message: `${head}\n${rows.join('\n')}` }
}
