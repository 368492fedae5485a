/**
 * Runs the real Jest with `@postmock/jest/reporter` on a project of three ESM test files in two
 * workers and checks the one merged report (exact served/total, per-example calls and test names),
 * then a threshold that fails a run whose tests all pass.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
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
const JEST = join(PACKAGE_DIR, 'node_modules/jest/bin/jest.js')

afterAll(() => {
  if (!process.env.POSTMOCK_KEEP_PROJECTS)
    rmSync(join(PACKAGE_DIR, 'test', '.projects', 'jest-coverage'), { recursive: true, force: true })
})

const config = (reporter: object) => `module.exports = {
  testMatch: ['<rootDir>/*.test.mjs'],
  transform: {},
  testEnvironment: 'node',
  cacheDirectory: '<rootDir>/.cache',
  maxWorkers: 2,
  reporters: ['default', ['@postmock/jest/reporter', ${JSON.stringify(reporter)}]],
}
`
const ENV = { NODE_OPTIONS: '--experimental-vm-modules --no-warnings' }

let dir: string
let run: RunResult
let threshold: RunResult

beforeAll(async () => {
  dir = writeProject(
    PACKAGE_DIR,
    'jest-coverage',
    {
      ...coverageTestFiles('@postmock/jest'),
      'jest.config.cjs': config({ threshold: 60, markdown: 'coverage.md' }),
      'jest.threshold.cjs': config({ coverage: { threshold: 80, json: 'threshold.json' } }),
      'shop.postman_collection.json': JSON.stringify(SHOP_COLLECTION),
      'orders.postman_collection.json': JSON.stringify(ORDERS_COLLECTION),
    },
    '@postmock/jest',
  )
  writeFileSync(join(dir, 'summary.md'), '')
  run = await runNode(dir, [JEST, '--json', '--outputFile=results.json'], {
    ...ENV,
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
  })
  threshold = await runNode(
    dir,
    [JEST, '--config', 'jest.threshold.cjs', '--json', '--outputFile=threshold-results.json'],
    {
      ...ENV,
      GITHUB_STEP_SUMMARY: '',
    },
  )
  // two Jest runs, one after the other: each may take up to runNode's 120 s on a loaded machine
}, 300_000)

const EXPECTED_USAGE = expectedUsage(' ')

describe('@postmock/jest/reporter over three files in two workers', () => {
  test('all tests pass and the run exits 0 (6 of 9 examples served, threshold 60%)', () => {
    expect(run.code, run.output).toBe(0)
    const outcomes = readOutcomes(join(dir, 'results.json'))
    expect(Object.values(outcomes).map((o) => o.status)).toEqual(Array(7).fill('passed'))
    const workers = new Set(readFileSync(join(dir, 'workers.txt'), 'utf8').trim().split('\n'))
    expect(workers.size).toBeGreaterThanOrEqual(2)
  })

  test('one merged postmock-coverage.json with exact totals, calls and test names', () => {
    const report = readReport(join(dir, 'postmock-coverage.json'))
    expect(report).toMatchObject({ total: 9, served: 6, calls: 8 })
    expect(report.collections.map((c) => [c.label, c.served, c.total])).toEqual([
      ['shop', 5, 7],
      ['orders', 1, 2],
    ])
    expect(usage(report)).toEqual(EXPECTED_USAGE)
  })

  test('prints the table (on stderr, beside --json) and writes the Markdown summary', () => {
    expect(run.output).toContain('[postmock] Example coverage: 6 of 9 examples served (66.6%), 8 calls')
    expect(run.output).toMatch(/Get product\s+GET\s+\/products\/1\s+2\/2\s+1\/1\s+1\/1\s+-/)
    const markdown = readFileSync(join(dir, 'coverage.md'), 'utf8')
    expect(markdown).toContain('**6 of 9** examples served (**66.6%**), 8 calls · threshold 60%: **met**')
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe(`${markdown}\n`)
  })
})

describe('a threshold the Jest run does not reach', () => {
  test('fails the run (exit 1) although every test passed, listing the unserved examples', () => {
    expect(threshold.code, threshold.output).toBe(1)
    const outcomes = readOutcomes(join(dir, 'threshold-results.json'))
    expect(Object.values(outcomes).map((o) => o.status)).toEqual(Array(7).fill('passed'))
    expect(threshold.output).toContain(
      '[postmock] Failed to reach the example coverage threshold: 66.6% of the examples were served (6 of 9), below the threshold of 80%.',
    )
    expect(threshold.output).toMatch(
      /shop\s+Create order\s+POST\s+\/orders\s+401\s+Signed out\s+item\[2\]\.response\[2\]/,
    )
    expect(usage(readReport(join(dir, 'threshold.json')))).toEqual(EXPECTED_USAGE)
  })
})
