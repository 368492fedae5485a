/**
 * Example coverage from Vitest browser mode: runs the real Vitest (Chromium from the system) with
 * `@postmock/vitest/reporter` on two browser-mode test files, then on a Node project beside the browser
 * project, and checks the one merged report: exact served/total, per-example calls and test names, and
 * a threshold that fails a run whose tests all pass.
 */
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readReport, SHOP_COLLECTION, usage } from '../../adapter-node/test/coverage-kit.js'
import {
  ORDERS_COLLECTION,
  type RunResult,
  readOutcomes,
  runNode,
  writeProject,
} from '../../adapter-node/test/project-kit.js'
import {
  BROWSER_COVERAGE_FILES,
  browserCoverageConfig,
  mixedCoverageConfig,
  NODE_COVERAGE_FILE,
} from './browser-coverage-fixture.js'

const PACKAGE_DIR = resolve(import.meta.dirname, '..')
const VITEST = join(PACKAGE_DIR, 'node_modules/vitest/vitest.mjs')
const ENV = { CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', GITHUB_STEP_SUMMARY: '' }

afterAll(() => {
  if (!process.env.POSTMOCK_KEEP_PROJECTS)
    rmSync(join(PACKAGE_DIR, 'test', '.projects', 'vitest-browser-coverage'), {
      recursive: true,
      force: true,
    })
})

/** What the two browser files serve, per example. */
const BROWSER_USAGE = {
  'shop 200 Products': { calls: 2, tests: ['products.test.js > products > lists products'] },
  'shop 500 Products down': { calls: 0, tests: [] },
  // one call in beforeAll (the first test's), one in afterAll (no test)
  'shop 200 Product': { calls: 2, tests: ['orders.test.js > creates an order'] },
  'shop 404 No such product': { calls: 1, tests: ['products.test.js > products > product not found'] },
  'shop 201 Order created': { calls: 1, tests: ['orders.test.js > creates an order'] },
  'shop 400 Bad order': { calls: 1, tests: ['orders.test.js > a bad order'] },
  'shop 401 Signed out': { calls: 0, tests: [] },
  'orders 200 Orders': { calls: 1, tests: ['orders.test.js > lists orders'] },
  'orders 500 Orders down': { calls: 0, tests: [] },
}

let dir: string
let browser: RunResult
let mixed: RunResult

beforeAll(async () => {
  dir = writeProject(
    PACKAGE_DIR,
    'vitest-browser-coverage',
    {
      ...BROWSER_COVERAGE_FILES,
      'signed-out.node.test.mjs': NODE_COVERAGE_FILE,
      'vitest.config.mjs': browserCoverageConfig({ threshold: 60, json: 'browser.json' }),
      'vitest.mixed.mjs': mixedCoverageConfig({ coverage: { threshold: 80, json: 'mixed.json' } }),
      'shop.postman_collection.json': JSON.stringify(SHOP_COLLECTION),
      'orders.postman_collection.json': JSON.stringify(ORDERS_COLLECTION),
    },
    '@postmock/vitest',
  )
  browser = await runNode(dir, [VITEST, 'run'], ENV)
  mixed = await runNode(dir, [VITEST, 'run', '--config', 'vitest.mixed.mjs'], ENV)
})

const statuses = () => Object.values(readOutcomes(join(dir, 'results.json'))).map((o) => o.status)

describe('@postmock/vitest/reporter over two browser-mode files (Chromium)', () => {
  test('all tests pass and the run exits 0 (6 of 9 examples served, threshold 60%)', () => {
    expect(browser.code, browser.output).toBe(0)
    expect(browser.output).toContain('[postmock] Example coverage: 6 of 9 examples served (66.6%), 8 calls')
    expect(browser.output).toMatch(/Get product\s+GET\s+\/products\/1\s+2\/2\s+1\/1\s+1\/1\s+-/)
  })

  test('postmock-coverage.json: exact totals, per-example calls and test names as in Node', () => {
    const report = readReport(join(dir, 'browser.json'))
    expect(report).toMatchObject({ format: 'postmock-coverage', version: 1, total: 9, served: 6, calls: 8 })
    expect(report.collections.map((c) => [c.label, c.served, c.total])).toEqual([
      ['shop', 5, 7],
      ['orders', 1, 2],
    ])
    expect(usage(report)).toEqual(BROWSER_USAGE)
  })
})

describe('a Node project beside the browser project, one reporter, threshold 80%', () => {
  test('every test passes, the run fails on the threshold, listing the unserved examples', () => {
    expect(mixed.code, mixed.output).toBe(1)
    expect(statuses()).toEqual(Array(6).fill('passed'))
    expect(mixed.output).toContain('[postmock] Example coverage: 7 of 9 examples served (77.7%), 9 calls')
    expect(mixed.output).toContain(
      '[postmock] Failed to reach the example coverage threshold: 77.7% of the examples were served (7 of 9), below the threshold of 80%. Write tests that get the 2 unserved examples below, or lower coverage.threshold.',
    )
    expect(mixed.output).toMatch(/shop\s+List products\s+GET\s+\/products\s+500\s+Products down/)
    expect(mixed.output).toMatch(/orders\s+List orders\s+GET\s+\/orders\s+500\s+Orders down/)
  })

  test('one report merges the Node file and the browser files', () => {
    const report = readReport(join(dir, 'mixed.json'))
    expect(report).toMatchObject({ total: 9, served: 7, calls: 9 })
    expect(usage(report)).toEqual({
      ...BROWSER_USAGE,
      'shop 401 Signed out': { calls: 1, tests: ['signed-out.node.test.mjs > signed out'] },
    })
  })
})
