/**
 * The matrix as a Vitest suite, for one toolchain: six real runner processes (two at a time), each on
 * one generated file holding every client case; one outer test per cell reads that runner's JSON
 * report, the observations its tests wrote and the loopback counters. A refused request must fail its
 * test with postmock's report and never reach the counter standing for its target. Used by
 * test/matrix.test.ts (Node 24, msw 3) and packages/compat-msw2 (Node 20, msw 2).
 *
 * `vitest` here is whichever Vitest runs the importing suite (Vitest resolves its own name itself).
 */
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allCells, type Cell, counterKey, summary, verdictOf } from './cells.js'
import { CLIENTS } from './clients.js'
import { type Counter, startCounter } from './counter.js'
import {
  inBatches,
  librariesBelowEngines,
  OTHER_BUILD,
  PROJECTS_DIR,
  RUNNERS,
  type RunnerRun,
  runProject,
  type Toolchain,
  writeRunnerProject,
} from './runners.js'

/** How long the six runner processes may take together (the outer beforeAll). */
const RUNS_TIMEOUT = 900_000

export function defineMatrix(toolchain: Toolchain): void {
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
      return runProject(config, writeRunnerProject(config, CLIENTS, toolchain), ports, toolchain)
    })
    for (const run of await inBatches(jobs, 2)) runs.set(run.config.id, run)
    seconds = (performance.now() - started) / 1000
  }, RUNS_TIMEOUT)

  afterAll(async () => {
    await Promise.all([...counters.values()].map((counter) => counter.close()))
    // The generated projects are removed afterwards (POSTMOCK_KEEP_PROJECTS=1 keeps them for debugging).
    if (!process.env.POSTMOCK_KEEP_PROJECTS) rmSync(PROJECTS_DIR, { recursive: true, force: true })
    if (runs.size)
      console.log(summary(CELLS, verdictFor, runs, seconds, OTHER_BUILD, toolchain, librariesBelowEngines()))
  })

  const verdictFor = (cell: Cell) =>
    verdictOf(cell, runs.get(cell.config.id), cell.counted ? counters.get(counterKey(cell)) : undefined)

  const { node, msw } = toolchain.expect
  for (const config of RUNNERS) {
    describe(config.id, () => {
      it(`[matrix] runs on Node ${node} with msw ${msw}`, () => {
        const run = runs.get(config.id)
        if (!run?.toolchain)
          expect.fail(`${config.id}'s test file reported no toolchain:\n${run?.output.slice(-3000)}`)
        expect({ node: run.toolchain.node.split('.')[0], msw: run.toolchain.msw }).toEqual({
          node: `v${node}`,
          msw,
        })
      })
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
}
