import type { ExampleInfo, VerifyDifference } from '@postmock/core'
import type { Palette } from '../output/colours.js'
import { plural } from '../output/io.js'
import { visible } from '../output/visible.js'
import { maskedTarget } from '../serve/masked-target.js'

/** What became of one example. */
export type Verdict = 'ok' | 'drift' | 'skip' | 'error'

/** One example's line of the report. */
export interface ExampleVerdict {
  verdict: Verdict
  /** Folders and request name: `Users / Get user`. */
  request: string
  example: string
  method: string
  /** The saved path and query, e.g. `/users/1?expand=true`. */
  path: string
  /** The full URL sent, for sent examples (API keys in its query masked, as in the path). */
  url: string | undefined
  /** The example's status code, and the real one when an answer came. */
  expectedStatus: number
  actualStatus: number | undefined
  differences: VerifyDifference[]
  /** Why it was skipped or could not be sent. */
  reason: string | undefined
}

/** The counts of a run. */
export interface VerifySummary {
  examples: number
  ok: number
  drift: number
  skipped: number
  errors: number
}

/** The verdict's frame for one example, before it is sent. */
export function verdictFrame(
  example: ExampleInfo,
): Omit<ExampleVerdict, 'verdict' | 'url' | 'actualStatus' | 'differences' | 'reason'> {
  return {
    request: [...example.folders, example.request].join(' / '),
    example: example.name,
    method: example.method,
    path: maskedTarget(example.path + (example.query ? `?${example.query}` : '')),
    expectedStatus: example.code,
  }
}

/** The exit code of a run: 3 when an example could not be sent, else 1 on drift, else 0. */
export function exitCodeOf(summary: VerifySummary): number {
  if (summary.errors > 0) return 3
  return summary.drift > 0 ? 1 : 0
}

/** Counts the verdicts. */
export function summarise(verdicts: readonly ExampleVerdict[]): VerifySummary {
  const count = (verdict: Verdict) => verdicts.filter((v) => v.verdict === verdict).length
  return {
    examples: verdicts.length,
    ok: count('ok'),
    drift: count('drift'),
    skipped: count('skip'),
    errors: count('error'),
  }
}

/** One line per example: `ok`, `drift` with the differences, `skip` or `error` with why. */
export function verdictLine(v: ExampleVerdict, colours: Palette): string {
  const label = {
    ok: colours.green('ok   '),
    drift: colours.red('drift'),
    skip: colours.dim('skip '),
    error: colours.yellow('error'),
  }[v.verdict]
  const where = `${colours.bold(v.method)} ${visible(v.path)}  ${visible(v.request)} / ${visible(v.example)} (${v.expectedStatus})`
  if (v.verdict === 'drift')
    return `${label}  ${where}: ${v.differences.map((d) => visible(d.text)).join('; ')}`
  if (v.reason) return `${label}  ${where}: ${visible(v.reason)}`
  return `${label}  ${where}`
}

/** The last line: the counts, and where the requests went. */
export function summaryLine(summary: VerifySummary, baseUrl: string, colours: Palette): string {
  const parts = [
    colours.green(`${summary.ok} ok`),
    summary.drift > 0 ? colours.red(`${summary.drift} drift`) : `${summary.drift} drift`,
    `${summary.skipped} skipped`,
    summary.errors > 0 ? colours.yellow(plural(summary.errors, 'error')) : '0 errors',
  ]
  return `${plural(summary.examples, 'example')} against ${visible(baseUrl)}: ${parts.join(', ')}`
}
