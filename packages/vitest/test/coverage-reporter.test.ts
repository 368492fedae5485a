/**
 * Runs the real Vitest with `@postmock/vitest/reporter` on a project of three test files in two or more
 * workers (forks, then threads) and checks the one merged report: exact served/total, per-example
 * calls and test names, the JSON, the Markdown summary, `$GITHUB_STEP_SUMMARY`, and a threshold that
 * fails a run whose tests all pass.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  coverageTestFiles,
  expectedUsage,
  readReport,
  SHOP_COLLECTION,
  usage,
} from '../../adapter-node/test/coverage-kit.js'
import {
  ORDERS_COLLECTION,
  type RunResult,
  readOutcomes,
  runNode,
  writeProject,
} from '../../adapter-node/test/project-kit.js'

const PACKAGE_DIR = resolve(import.meta.dirname, '..')
const VITEST = join(PACKAGE_DIR, 'node_modules/vitest/vitest.mjs')
const POSTMOCK = resolve(PACKAGE_DIR, '../cli/bin/postmock.mjs')

afterAll(() => {
  if (!process.env.POSTMOCK_KEEP_PROJECTS)
    rmSync(join(PACKAGE_DIR, 'test', '.projects', 'vitest-coverage'), { recursive: true, force: true })
})

const config = (pool: string, reporter: object) =>
  `export default { test: { include: ['*.test.mjs'], environment: 'node', pool: '${pool}', maxWorkers: 2,
  reporters: ['default', ['json', { outputFile: 'results.json' }], ['@postmock/vitest/reporter', ${JSON.stringify(reporter)}]] } }\n`

let dir: string
let run: RunResult
let threshold: RunResult
let shards: RunResult[]
let merge: RunResult

const EXPECTED_USAGE = expectedUsage(' > ')

beforeAll(async () => {
  dir = writeProject(
    PACKAGE_DIR,
    'vitest-coverage',
    {
      ...coverageTestFiles('@postmock/vitest'),
      'vitest.config.mjs': config('forks', {
        threshold: 60,
        outputDir: 'out',
        markdown: 'coverage.md',
      }),
      'vitest.threshold.mjs': config('threads', { coverage: { threshold: 80, json: 'threshold.json' } }),
      'vitest.shard.mjs': `export default { test: { include: ['*.test.mjs'], maxWorkers: 2,
  reporters: ['default', ['@postmock/vitest/reporter', { json: process.env.SHARD_JSON }]] } }\n`,
      'shop.postman_collection.json': JSON.stringify(SHOP_COLLECTION),
      'orders.postman_collection.json': JSON.stringify(ORDERS_COLLECTION),
    },
    '@postmock/vitest',
  )
  writeFileSync(join(dir, 'summary.md'), '')
  run = await runNode(dir, [VITEST, 'run'], { GITHUB_STEP_SUMMARY: join(dir, 'summary.md') })
  copyFileSync(join(dir, 'workers.txt'), join(dir, 'workers-forks.txt'))
  rmSync(join(dir, 'workers.txt'))
  threshold = await runNode(dir, [VITEST, 'run', '--config', 'vitest.threshold.mjs'], {
    GITHUB_STEP_SUMMARY: '',
  })
  shards = []
  for (const index of [1, 2]) {
    shards.push(
      await runNode(dir, [VITEST, 'run', '--config', 'vitest.shard.mjs', `--shard=${index}/2`], {
        SHARD_JSON: `shard-${index}.json`,
        GITHUB_STEP_SUMMARY: '',
      }),
    )
  }
  merge = await runNode(
    dir,
    [POSTMOCK, 'coverage', 'merge', 'shard-1.json', 'shard-2.json', '--json', 'merged.json'],
    {
      GITHUB_STEP_SUMMARY: '',
    },
  )
  // four Vitest runs and the CLI, one after another: each may take up to runNode's 120 s on a loaded machine
}, 600_000)

const workers = (file: string) => new Set(readFileSync(join(dir, file), 'utf8').trim().split('\n'))

describe('@postmock/vitest/reporter over three files in two forks', () => {
  test('all tests pass and the run exits 0 (6 of 9 examples served, threshold 60%)', () => {
    expect(run.code, run.output).toBe(0)
    const outcomes = readOutcomes(join(dir, 'results.json'))
    expect(Object.values(outcomes).map((o) => o.status)).toEqual(Array(7).fill('passed'))
    // three test files, more than one worker process
    expect(workers('workers-forks.txt').size).toBeGreaterThanOrEqual(2)
  })

  test('one merged postmock-coverage.json with exact totals, calls and test names', () => {
    const report = readReport(join(dir, 'out', 'postmock-coverage.json'))
    expect(report).toMatchObject({ format: 'postmock-coverage', version: 1, total: 9, served: 6, calls: 8 })
    expect(report.percent).toBeCloseTo(66.667, 2)
    expect(report.collections.map((c) => [c.label, c.served, c.total])).toEqual([
      ['shop', 5, 7],
      ['orders', 1, 2],
    ])
    expect(usage(report)).toEqual(EXPECTED_USAGE)
    expect(report.collections[0]!.examples[0]).toEqual({
      location: 'item[0].response[0]',
      request: 'List products',
      name: 'Products',
      method: 'GET',
      path: '/products',
      code: 200,
      calls: 2,
      tests: ['products.test.mjs > products > lists products'],
    })
  })

  test('prints one table per collection: per request and per status class', () => {
    expect(run.output).toContain('[postmock] Example coverage: 6 of 9 examples served (66.6%), 8 calls')
    expect(run.output).toContain('shop: 5 of 7 examples served (71.4%), 7 calls')
    expect(run.output).toMatch(/request\s+method\s+path\s+served\s+2xx\s+4xx\s+5xx/)
    expect(run.output).toMatch(/List products\s+GET\s+\/products\s+1\/2\s+1\/1\s+-\s+0\/1/)
    expect(run.output).toMatch(/Create order\s+POST\s+\/orders\s+2\/3\s+1\/1\s+1\/2\s+-/)
    expect(run.output).toMatch(/all requests\s+5\/7\s+3\/3\s+2\/3\s+0\/1/)
    expect(run.output).toContain('orders: 1 of 2 examples served (50.0%), 1 call')
    expect(run.output).not.toContain('Failed to reach')
  })

  test('writes the Markdown summary to its file and to $GITHUB_STEP_SUMMARY', () => {
    const markdown = readFileSync(join(dir, 'out', 'coverage.md'), 'utf8')
    expect(markdown).toContain('### postmock example coverage')
    expect(markdown).toContain('**6 of 9** examples served (**66.6%**), 8 calls · threshold 60%: **met**')
    expect(markdown).toContain('| shop | 5/7 | 71.4% | 3/3 | 2/3 | 0/1 |')
    expect(markdown).toContain('| orders | List orders | GET | /orders | 500 | Orders down |')
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe(`${markdown}\n`)
  })
})

describe('a threshold the run does not reach (threads pool)', () => {
  test('fails the run although every test passed, listing the unserved examples', () => {
    expect(threshold.code, threshold.output).toBe(1)
    expect(threshold.output).toMatch(/Tests\s+7 passed \(7\)/)
    expect(threshold.output).toContain(
      '[postmock] Failed to reach the example coverage threshold: 66.6% of the examples were served (6 of 9), below the threshold of 80%. Write tests that get the 3 unserved examples below, or lower coverage.threshold.',
    )
    expect(threshold.output).toMatch(
      /shop\s+List products\s+GET\s+\/products\s+500\s+Products down\s+item\[0\]\.response\[1\]/,
    )
    expect(threshold.output).toMatch(
      /shop\s+Create order\s+POST\s+\/orders\s+401\s+Signed out\s+item\[2\]\.response\[2\]/,
    )
    expect(threshold.output).toMatch(
      /orders\s+List orders\s+GET\s+\/orders\s+500\s+Orders down\s+item\[0\]\.response\[1\]/,
    )
  })

  test('worker threads inherit the run directory: the same exact report', () => {
    expect(workers('workers.txt').size).toBeGreaterThanOrEqual(2)
    expect(usage(readReport(join(dir, 'threshold.json')))).toEqual(EXPECTED_USAGE)
  })
})

describe('vitest --shard: two shard reports merged by postmock coverage merge', () => {
  test('each shard reports part of the run; the merge is the whole run, exactly', () => {
    for (const shard of shards) expect(shard.code, shard.output).toBe(0)
    const parts = [readReport(join(dir, 'shard-1.json')), readReport(join(dir, 'shard-2.json'))]
    for (const part of parts) expect(part.total).toBe(9)
    expect(parts.map((part) => part.calls).reduce((a, b) => a + b)).toBe(8)
    expect(parts.every((part) => part.served < 6)).toBe(true)
    expect(merge.code, merge.output).toBe(0)
    expect(merge.output).toContain('[postmock] Example coverage: 6 of 9 examples served (66.6%), 8 calls')
    const merged = readReport(join(dir, 'merged.json'))
    expect(merged).toMatchObject({ total: 9, served: 6, calls: 8 })
    expect(usage(merged)).toEqual(EXPECTED_USAGE)
  })
})
