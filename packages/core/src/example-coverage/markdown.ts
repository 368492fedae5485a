import { breakdown, classesOf, statusClass, tallyText } from './breakdown.js'
import { formatPercent } from './report.js'
import { unservedExamples } from './threshold.js'
import type { CoverageReport } from './types.js'

/** A table cell: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*[\r\n]+\s*/g, ' ')
}

function table(head: readonly string[], rows: readonly string[][]): string[] {
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ]
}

/**
 * The Markdown summary, for a CI job summary (`$GITHUB_STEP_SUMMARY`) or a pull-request comment:
 * the totals and the threshold, one row per collection (per status class), per-request tables in
 * `<details>`, and the unserved examples.
 *
 * @example
 * appendFileSync(process.env.GITHUB_STEP_SUMMARY, coverageMarkdown(report, 80))
 */
export function coverageMarkdown(report: CoverageReport, threshold?: number): string {
  const classes = [
    ...new Set(report.collections.flatMap((c) => c.examples.map((e) => statusClass(e.code)))),
  ].sort()
  const verdict =
    threshold === undefined
      ? ''
      : ` · threshold ${threshold}%: **${report.percent >= threshold ? 'met' : 'not met'}**`
  const lines = [
    '### postmock example coverage',
    '',
    `**${report.served} of ${report.total}** examples served (**${formatPercent(report.percent)}**), ${report.calls} call${report.calls === 1 ? '' : 's'}${verdict}`,
    '',
    ...table(
      ['collection', 'served', '%', ...classes],
      report.collections.map((collection) => {
        const { whole } = breakdown(collection)
        const percent = collection.total === 0 ? 100 : (collection.served / collection.total) * 100
        return [
          collection.label,
          `${collection.served}/${collection.total}`,
          formatPercent(percent),
          ...classes.map((name) => tallyText(whole.byClass.get(name))),
        ]
      }),
    ),
  ]
  for (const collection of report.collections) {
    const own = classesOf(collection)
    lines.push(
      '',
      `<details><summary>${cell(collection.label)}: per request</summary>`,
      '',
      ...table(
        ['request', 'method', 'path', 'served', ...own],
        breakdown(collection).requests.map((entry) => [
          entry.request,
          entry.method,
          entry.path,
          tallyText(entry.all),
          ...own.map((name) => tallyText(entry.byClass.get(name))),
        ]),
      ),
      '',
      '</details>',
    )
  }
  const unserved = unservedExamples(report)
  if (unserved.length) {
    lines.push(
      '',
      `**Unserved examples (${unserved.length})**`,
      '',
      ...table(
        ['collection', 'request', 'method', 'path', 'code', 'example'],
        unserved.map((e) => [e.collection, e.request, e.method, e.path, String(e.code), e.name]),
      ),
    )
  }
  return `${lines.join('\n')}\n`
}
