/**
 * Runs the real Vitest on a small project that uses @postmock/vitest (node and jsdom environments,
 * concurrent tests, two collections, an unmatched request, a refused origin) and checks the exit code,
 * each test's outcome and the reports in the output.
 */
import { copyFileSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  COLLECTION,
  ENVIRONMENT,
  ORDERS_COLLECTION,
  type RunResult,
  readOutcomes,
  runNode,
  type TestOutcome,
  writeProject,
} from '../../adapter-node/test/project-kit.js'
import { BASIC_TEST, JSDOM_TEST, WARN_TEST } from './fixture-tests.js'

const PACKAGE_DIR = resolve(import.meta.dirname, '..')

// The generated projects are removed afterwards (POSTMOCK_KEEP_PROJECTS=1 keeps them for debugging).
afterAll(() => {
  if (!process.env.POSTMOCK_KEEP_PROJECTS)
    rmSync(join(PACKAGE_DIR, 'test', '.projects', 'vitest-suite'), { recursive: true, force: true })
})
const VITEST = join(PACKAGE_DIR, 'node_modules/vitest/vitest.mjs')

let run: RunResult
let outcomes: Record<string, TestOutcome>

beforeAll(async () => {
  const dir = writeProject(
    PACKAGE_DIR,
    'vitest-suite',
    {
      'vitest.config.mjs': `export default { test: { include: ['*.test.ts'], environment: 'node' } }\n`,
      'basic.test.ts': BASIC_TEST,
      'warn.test.ts': WARN_TEST,
      'jsdom.test.ts': JSDOM_TEST,
      'orders.postman_collection.json': JSON.stringify(ORDERS_COLLECTION),
    },
    '@postmock/vitest',
  )
  copyFileSync(COLLECTION, join(dir, 'testAPI.postman_collection.json'))
  copyFileSync(ENVIRONMENT, join(dir, 'testAPIEnv.postman_environment.json'))
  const report = join(dir, 'report.json')
  run = await runNode(dir, [
    VITEST,
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ])
  outcomes = readOutcomes(report)
})

const outcome = (title: string): TestOutcome => {
  const found = outcomes[title]
  if (!found) throw new Error(`no test named "${title}" in the report:\n${run.output}`)
  return found
}

describe('a Vitest project using setupPostmanMocks()', () => {
  test('exits 1 because exactly the three expected tests fail', () => {
    expect(run.code).toBe(1)
    const failed = Object.entries(outcomes)
      .filter(([, o]) => o.status === 'failed')
      .map(([title]) => title)
    expect(failed.sort()).toEqual(
      [
        'a request to an unserved origin is refused',
        'an unmatched request fails this test',
        'concurrent C: only this one fails on its unmatched request',
      ].sort(),
    )
    expect(Object.keys(outcomes)).toHaveLength(17)
  })

  test('serves examples, applies use() per test and records calls()', () => {
    for (const title of [
      'serves the default example',
      'use() chooses the 401 example for this test',
      'the next test starts with no overrides and no calls',
      'server.use() works beside the collection',
    ]) {
      expect(outcome(title).status, title).toBe('passed')
    }
  })

  test('serves two collections, each on its own origin', () => {
    expect(outcome('a second collection serves its own origin').status).toBe('passed')
  })

  test('fails the test that made an unmatched request, with the near-miss report', () => {
    const { failure } = outcome('an unmatched request fails this test')
    expect(failure).toContain('[postmock] Failed to match GET https://api.example.com/users/1/posts')
    expect(failure).toContain("Postman's mock answers 404 mockRequestNotFoundError")
    expect(failure).toContain('Closest examples:')
    expect(failure).toMatch(
      /1\. "Get user OK" \(200\) of "Get user": GET \/users\/1\n\s+path has 3 segment\(s\)/,
    )
    expect(outcome('the test after the unmatched one passes').status).toBe('passed')
  })

  test('refuses an unserved loopback origin: the request errors, the test fails, no connection is made', () => {
    const { failure } = outcome('a request to an unserved origin is refused')
    expect(failure).toMatch(
      /\[postmock\] Failed to send GET http:\/\/127\.0\.0\.1:\d+\/secret: its origin is not served/,
    )
    expect(failure).toContain('never sent to the network')
    expect(failure).toContain("passthrough: ['http://127.0.0.1:")
    expect(outcome('the loopback server saw no connection').status).toBe('passed')
  })

  test('isolates use(), calls() and failures between test.concurrent tests', () => {
    expect(outcome('concurrent A: its own 401 override').status).toBe('passed')
    expect(outcome('concurrent B: the default answer meanwhile').status).toBe('passed')
    expect(outcome('concurrent C: only this one fails on its unmatched request').failure).toContain(
      'Failed to match GET https://api.example.com/nothing-here',
    )
  })

  test("onUnmatched: 'warn' prints the report and passes; passthrough reaches the network", () => {
    expect(outcome('warn mode: an unmatched request only warns').status).toBe('passed')
    expect(run.output).toContain('[postmock] Failed to match GET https://api.example.com/missing')
    expect(outcome('passthrough lets a listed origin reach the network').status).toBe('passed')
  })

  test('works under the jsdom environment (fetch and XMLHttpRequest)', () => {
    expect(outcome('jsdom: fetch to a mock host is answered').status).toBe('passed')
    expect(outcome('jsdom: XMLHttpRequest is answered too').status).toBe('passed')
    expect(outcome('jsdom: a relative fetch goes to the page origin').status).toBe('passed')
  })

  test('reportUnused prints a table of the examples no test served', () => {
    expect(run.output).toContain('[postmock] 1 of 4 examples were never served in this test file:')
    expect(run.output).toMatch(/collection\s+request\s+method\s+path\s+code\s+example/)
    expect(run.output).toMatch(/orders\s+List orders\s+GET\s+\/orders\s+500\s+Orders down/)
  })
})

test('the README documents the configuration', () => {
  const readme = readFileSync(join(PACKAGE_DIR, 'README.md'), 'utf8')
  expect(readme).toContain('process.cwd()')
  expect(readme).toContain('test.concurrent')
})
