/**
 * The interception matrix: every HTTP client × every runner configuration × every case, against the
 * built adapters. Six real runner processes (two at a time), each on one generated file holding every
 * client case; one outer test per cell reads that runner's JSON report, the observations its tests
 * wrote and the loopback counters (see kit/). A refused request must fail its test with postmock's
 * report and never reach the counter standing for its target.
 *
 * POSTMOCK_KEEP_PROJECTS=1 keeps the generated projects (.projects/run-<pid>/<runner>: the test file,
 * the runner's report.json, observations.jsonl); POSTMOCK_MATRIX_PACKAGES=<dir> runs the matrix
 * against another build's packages (see kit/runners.ts).
 */
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allCells, type Cell, counterKey, summary, verdictOf } from './kit/cells.js'
import { CLIENTS } from './kit/clients.js'
import { type Counter, startCounter } from './kit/counter.js'
import {
  inBatches,
  OTHER_BUILD,
  PROJECTS_DIR,
  RUNNERS,
  type RunnerRun,
  runProject,
  writeRunnerProject,
} from './kit/runners.js'

const CELLS = allCells()
const counters = new Map<string, Counter>()
const runs = new Map<string, RunnerRun>()
let seconds = 0

beforeAll(async () => {
  for (const cell of CELLS) if (cell.counted) counters.set(counterKey(cell), await startCounter())
  const started = performance.now()
  const jobs = RUNNERS.map((config) => async () => {
    const ports: Record<string, number> = {}
    for (const cell of CELLS)
      if (cell.config === config && cell.counted) ports[cell.title] = counters.get(counterKey(cell))!.port
    return runProject(config, writeRunnerProject(config, CLIENTS), ports)
  })
  for (const run of await inBatches(jobs, 2)) runs.set(run.config.id, run)
  seconds = (performance.now() - started) / 1000
})

afterAll(async () => {
  await Promise.all([...counters.values()].map((counter) => counter.close()))
  // The generated projects are removed afterwards (POSTMOCK_KEEP_PROJECTS=1 keeps them for debugging).
  if (!process.env.POSTMOCK_KEEP_PROJECTS) rmSync(PROJECTS_DIR, { recursive: true, force: true })
  if (runs.size) console.log(summary(CELLS, verdictFor, runs, seconds, OTHER_BUILD))
})

const verdictFor = (cell: Cell) =>
  verdictOf(cell, runs.get(cell.config.id), cell.counted ? counters.get(counterKey(cell)) : undefined)

for (const config of RUNNERS) {
  describe(config.id, () => {
    for (const cell of CELLS.filter((c) => c.config === config)) {
      it(cell.title, (context) => {
        const verdict = verdictFor(cell)
        if (verdict.skip) context.skip(verdict.skip)
        if (verdict.problems.length) expect.fail(verdict.report)
      })
    }
  })
}

describe('after all runs', () => {
  it('no refused request reached a counter, in any runner', () => {
    const leaks = CELLS.filter((cell) => cell.counted && cell.expect === 'refused')
      .map((cell) => ({ cell, counter: counters.get(counterKey(cell))! }))
      .filter(({ counter }) => counter.connections.length > 0)
      .map(({ cell, counter }) => `  ${cell.config.id} › ${cell.title}: ${counter.describe()}`)
    if (leaks.length)
      expect.fail(`${leaks.length} refused request(s) reached their counter:\n${leaks.join('\n')}`)
  })
})
