/**
 * The cells of the matrix (runner × client × case), what each one expects, and the verdict on one
 * run: a list of problems (empty when the cell holds) and the context that explains them.
 */
import { CASES, CLIENTS, type Client } from './clients.js'
import type { Counter } from './counter.js'
import { CONTROL_TITLE, titleOf, UNAVAILABLE, UNRESOLVED_TARGET } from './inner-file.js'
import { clientsOf, RUNNERS, type RunnerConfig, type RunnerRun, type Toolchain } from './runners.js'

export type Expectation =
  /** the inner test passes: answered from the collection (or the control reached the counter) */
  | 'served'
  /** the inner test fails with postmock's report naming the target, and nothing reached the counter */
  | 'refused'
  /** the inner test fails with postmock's report naming db.example.invalid:5432, with no DNS lookup */
  | 'refused-unresolved'
  /** the inner test passes and its bytes reached the counter */
  | 'reaches-counter'

export interface Cell {
  config: RunnerConfig
  client: Client | undefined
  kase: string
  /** the inner test's title */
  title: string
  expect: Expectation
  /** whether a counter stands for this cell's target */
  counted: boolean
}

function expectationOf(client: Client, kase: string): Expectation {
  if (kase === 'served') return 'served'
  if (kase === 'allowed') return 'reaches-counter'
  return client.kind === 'bytes' ? 'refused-unresolved' : 'refused'
}

/** Every cell, runner by runner, in the order of the generated files. */
export function allCells(): Cell[] {
  const cells: Cell[] = []
  for (const config of RUNNERS) {
    for (const client of clientsOf(config, CLIENTS)) {
      for (const kase of CASES[client.kind]) {
        const expect = expectationOf(client, kase)
        const counted = expect === 'refused' || expect === 'reaches-counter'
        cells.push({ config, client, kase, title: titleOf(client, kase), expect, counted })
      }
    }
    if (config.control) {
      cells.push({
        config,
        client: undefined,
        kase: 'passthrough control',
        title: CONTROL_TITLE,
        expect: 'reaches-counter',
        counted: true,
      })
    }
  }
  return cells
}

export const counterKey = (cell: Cell): string => `${cell.config.id}/${cell.title}`

/** What the refusal report must name for this cell's target. */
function needle(cell: Cell, counter: Counter | undefined): string {
  if (cell.expect === 'refused-unresolved') return UNRESOLVED_TARGET
  const hostPort = `127.0.0.1:${counter?.port}`
  if (!cell.client || cell.client.names === 'host') return hostPort
  return `${cell.client.scheme === 'https' ? 'https' : 'http'}://${hostPort}`
}

/** The first lines of an inner failure, without stack frames. */
function shortFailure(text: string): string {
  const lines = text
    .split('\n')
    .filter((line) => !/^\s+at /.test(line) && line.trim() !== '')
    .slice(0, 14)
  return lines.map((line) => `    | ${line.slice(0, 240)}`).join('\n')
}

export interface Verdict {
  /** why the cell cannot be tested here: its client library does not load in this environment */
  skip?: string
  problems: string[]
  /** problems + context, ready to be the outer failure message */
  report: string
}

export function verdictOf(cell: Cell, run: RunnerRun | undefined, counter: Counter | undefined): Verdict {
  const head = `${cell.config.id} › ${cell.title} (expected: ${cell.expect})`
  if (!run) return { problems: ['the runner did not run'], report: `${head}\n  ✗ the runner did not run` }
  const outcome = run.outcomes[cell.title]
  const observation = run.observations[cell.title]
  const unavailable = observation?.outcomes.find((text) => text.includes(UNAVAILABLE))
  if (unavailable) {
    const why = unavailable.slice(unavailable.indexOf('[matrix] ') + 9)
    return { skip: `n/a in ${cell.config.id}: ${why}`, problems: [], report: head }
  }
  const problems: string[] = []
  if (!outcome) {
    problems.push(`the inner test is not in ${cell.config.id}'s report (exit code ${run.code})`)
  } else if (cell.expect === 'served' || cell.expect === 'reaches-counter') {
    if (outcome.status !== 'passed') problems.push(`the inner test ${outcome.status}`)
  } else {
    const name = needle(cell, counter)
    if (outcome.status !== 'failed') {
      problems.push(`the inner test ${outcome.status}: nothing refused the request`)
    } else {
      if (!outcome.failure.includes('[postmock]')) problems.push('its failure is not a [postmock] report')
      else if (!outcome.failure.includes(name)) problems.push(`its [postmock] report does not name ${name}`)
    }
  }
  if (cell.expect === 'refused-unresolved' && observation && observation.lookups.length > 0)
    problems.push(`${observation.lookups.length} DNS lookup(s): ${observation.lookups.join(', ')}`)
  if (cell.counted) {
    const seen = counter?.connections.length ?? 0
    if (cell.expect === 'refused' && seen > 0)
      problems.push(`127.0.0.1:${counter?.port} saw ${counter?.describe()}`)
    if (cell.expect === 'reaches-counter' && seen === 0)
      problems.push(`127.0.0.1:${counter?.port} saw no connection`)
  }
  const context = [
    `  client saw: ${observation ? observation.outcomes.join(' | ') || '(nothing recorded)' : '(no observation: the test did not get that far)'}`,
    ...(observation?.lookups.length ? [`  DNS lookups: ${observation.lookups.join(', ')}`] : []),
    ...(counter ? [`  counter 127.0.0.1:${counter.port}: ${counter.describe()}`] : []),
    ...(outcome?.failure ? [`  inner failure:\n${shortFailure(outcome.failure)}`] : []),
    ...(!outcome && run.suiteMessage ? [`  ${cell.config.id}:\n${shortFailure(run.suiteMessage)}`] : []),
    ...(!outcome && !run.suiteMessage ? [`  output:\n${shortFailure(run.output.slice(-3000))}`] : []),
  ]
  const report = [head, ...problems.map((p) => `  ✗ ${p}`), ...context].join('\n')
  return { problems, report }
}

/**
 * The run in a few lines: per runner, the cells that hold, then a grid of every client case
 * (✓ holds, ✗ fails, n/a its library does not load there, blank: not run in that runner).
 */
export function summary(
  cells: readonly Cell[],
  verdictFor: (cell: Cell) => Verdict,
  runs: ReadonlyMap<string, RunnerRun>,
  seconds: number,
  build: string | undefined,
  toolchain: Toolchain,
  belowEngines: readonly string[],
): string {
  const verdicts = new Map(cells.map((cell) => [cell, verdictFor(cell)]))
  const perRunner = RUNNERS.map((config) => {
    const mine = cells.filter((cell) => cell.config === config).map((cell) => verdicts.get(cell)!)
    const skipped = mine.filter((verdict) => verdict.skip).length
    const held = mine.filter((verdict) => !verdict.skip && verdict.problems.length === 0).length
    const run = runs.get(config.id)
    return `  ${config.id.padEnd(16)} ${held}/${mine.length - skipped} cells hold, ${skipped} n/a (${run?.seconds.toFixed(1)} s, exit ${run?.code})`
  })
  const titles = [...new Set(cells.map((cell) => cell.title))]
  const width = Math.max(...titles.map((title) => title.length))
  const header = `  ${''.padEnd(width)}  ${RUNNERS.map((config) => config.id.padEnd(16)).join('')}`
  const grid = titles.map((title) => {
    const marks = RUNNERS.map((config) => {
      const cell = cells.find((c) => c.config === config && c.title === title)
      const verdict = cell && verdicts.get(cell)
      const mark = !verdict ? '' : verdict.skip ? 'n/a' : verdict.problems.length ? '✗' : '✓'
      return mark.padEnd(16)
    })
    return `  ${title.padEnd(width)}  ${marks.join('')}`.trimEnd()
  })
  return [
    `[matrix] ${cells.length} cells against ${build ?? "this workspace's build"}; runners took ${seconds.toFixed(1)} s`,
    `  Node ${process.versions.node}, ${toolchain.label}`,
    ...(belowEngines.length
      ? [`  clients below their declared engines (run where they load): ${belowEngines.join('; ')}`]
      : []),
    ...perRunner,
    header.trimEnd(),
    ...grid,
  ].join('\n')
}
