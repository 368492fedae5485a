/**
 * Runs the real Jest on small projects that use @postmock/jest (ESM and CJS test files, node and
 * jest-fixed-jsdom environments, isolate() with test.concurrent, the start-up check) and checks the
 * exit code, each test's outcome and the reports in the output.
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
  suiteMessages,
  type TestOutcome,
  writeProject,
} from '../../adapter-node/test/project-kit.js'
import {
  CJS_TEST,
  ESM_TEST,
  JSDOM_CJS_TEST,
  JSDOM_ESM_TEST,
  NO_VM_MODULES_TEST,
  PLAIN_JSDOM_TEST,
} from './fixture-tests.js'

const PACKAGE_DIR = resolve(import.meta.dirname, '..')

// The generated projects are removed afterwards (POSTMOCK_KEEP_PROJECTS=1 keeps them for debugging); only
// this file's: the other suites of the package may be running theirs in test/.projects meanwhile.
afterAll(() => {
  if (process.env.POSTMOCK_KEEP_PROJECTS) return
  for (const name of ['jest-suite', 'jest-startup'])
    rmSync(join(PACKAGE_DIR, 'test', '.projects', name), { recursive: true, force: true })
})
const JEST = join(PACKAGE_DIR, 'node_modules/jest/bin/jest.js')
const CONFIG = `module.exports = {
  testMatch: ['<rootDir>/*.test.{mjs,cjs}'],
  transform: {},
  testEnvironment: 'node',
  cacheDirectory: '<rootDir>/.cache',
}
`

function project(name: string, files: Record<string, string>): string {
  const dir = writeProject(PACKAGE_DIR, name, { 'jest.config.cjs': CONFIG, ...files }, '@postmock/jest')
  copyFileSync(COLLECTION, join(dir, 'testAPI.postman_collection.json'))
  copyFileSync(ENVIRONMENT, join(dir, 'testAPIEnv.postman_environment.json'))
  return dir
}

describe('a Jest project using setupPostmanMocks() (NODE_OPTIONS=--experimental-vm-modules)', () => {
  let run: RunResult
  let outcomes: Record<string, TestOutcome>
  const outcome = (title: string): TestOutcome => {
    const found = outcomes[title]
    if (!found) throw new Error(`no test named "${title}" in the report:\n${run.output}`)
    return found
  }

  beforeAll(async () => {
    const dir = project('jest-suite', {
      'esm.test.mjs': ESM_TEST,
      'cjs.test.cjs': CJS_TEST,
      'jsdom-cjs.test.cjs': JSDOM_CJS_TEST,
      'jsdom-esm.test.mjs': JSDOM_ESM_TEST,
      'orders.postman_collection.json': JSON.stringify(ORDERS_COLLECTION),
    })
    const report = join(dir, 'report.json')
    run = await runNode(dir, [JEST, '--json', `--outputFile=${report}`], {
      NODE_OPTIONS: '--experimental-vm-modules --no-warnings',
    })
    outcomes = readOutcomes(report)
  })

  test('exits 1 because exactly the three expected tests fail', () => {
    expect(run.code).toBe(1)
    const failed = Object.entries(outcomes)
      .filter(([, o]) => o.status === 'failed')
      .map(([title]) => title)
    expect(failed.sort()).toEqual(
      [
        'cjs: an unmatched request fails this test',
        'esm: a request to an unserved origin is refused',
        'esm: an unmatched request fails this test',
      ].sort(),
    )
    expect(Object.keys(outcomes)).toHaveLength(15)
  })

  test('ESM test files: examples, use() per test, calls(), two collections', () => {
    for (const title of [
      'esm: serves the default example',
      'esm: use() chooses the 401 example for this test',
      'esm: the next test starts with no overrides and no calls',
      'esm: a second collection serves its own origin',
      'esm: the test after the unmatched one passes',
    ]) {
      expect(outcome(title).status, title).toBe('passed')
    }
  })

  test('CJS test files: examples, use(), and the unmatched report', () => {
    expect(outcome('cjs: serves the default example').status).toBe('passed')
    expect(outcome('cjs: use() by example name').status).toBe('passed')
    expect(outcome('cjs: an unmatched request fails this test').failure).toContain(
      '[postmock] Failed to match GET https://api.example.com/nothing',
    )
  })

  test('fails the test that made an unmatched request, with the near-miss report', () => {
    const { failure } = outcome('esm: an unmatched request fails this test')
    expect(failure).toContain('[postmock] Failed to match GET https://api.example.com/users/1/posts')
    expect(failure).toContain('Closest examples:')
    expect(failure).toMatch(
      /1\. "Get user OK" \(200\) of "Get user": GET \/users\/1\n\s+path has 3 segment\(s\)/,
    )
  })

  test('refuses an unserved loopback origin (fetch and node:http) without any connection', () => {
    const { failure } = outcome('esm: a request to an unserved origin is refused')
    expect(failure).toMatch(/\[postmock\] 2 requests in this test were not answered from the collection/)
    expect(failure).toMatch(/Failed to send GET http:\/\/127\.0\.0\.1:\d+\/secret: its origin is not served/)
    expect(outcome('esm: the loopback server saw no connection').status).toBe('passed')
  })

  test('isolate() gives test.concurrent tests their own use() and calls()', () => {
    expect(outcome('esm: isolate() A has its own 401 override').status).toBe('passed')
    expect(outcome('esm: isolate() B sees the default meanwhile').status).toBe('passed')
  })

  test('works under jest-fixed-jsdom in CJS and ESM test files', () => {
    expect(outcome('jsdom (cjs): fetch is answered').status).toBe('passed')
    expect(outcome('jsdom (esm): fetch is answered').status).toBe('passed')
  })

  test('reportUnused prints a table of the examples no test served', () => {
    expect(run.output).toContain('[postmock] 1 of 4 examples were never served in this test file:')
    expect(run.output).toMatch(/orders\s+List orders\s+GET\s+\/orders\s+500\s+Orders down/)
  })
})

describe('the start-up check (no --experimental-vm-modules, plain jsdom)', () => {
  let run: RunResult
  let messages: string

  beforeAll(async () => {
    const dir = project('jest-startup', {
      'plain-jsdom.test.cjs': PLAIN_JSDOM_TEST,
      'no-vm-modules.test.cjs': NO_VM_MODULES_TEST,
    })
    const report = join(dir, 'report.json')
    run = await runNode(dir, [JEST, '--json', `--outputFile=${report}`], { NODE_OPTIONS: '' })
    messages = suiteMessages(report)
  })

  test('plain jsdom: one message naming jest-fixed-jsdom, no stack trace', () => {
    expect(run.code).toBe(1)
    expect(messages).toContain(
      '[postmock] Failed to start the Postman mocks: this test environment has no fetch',
    )
    expect(messages).toContain("testEnvironment: 'jest-fixed-jsdom'")
    expect(messages.match(/\[postmock\]/g)).toHaveLength(2)
    expect(messages).not.toMatch(/^\s+at .*adapter-node/m)
  })

  test('no vm modules: one message naming NODE_OPTIONS=--experimental-vm-modules', () => {
    expect(messages).toContain(
      '[postmock] Failed to start the Postman mocks: Jest could not load msw, an ES module',
    )
    expect(messages).toContain('NODE_OPTIONS=--experimental-vm-modules')
  })
})

test('the README documents the configuration', () => {
  const readme = readFileSync(join(PACKAGE_DIR, 'README.md'), 'utf8')
  for (const text of ['--experimental-vm-modules', 'jest-fixed-jsdom', '@swc/jest', 'process.cwd()']) {
    expect(readme).toContain(text)
  }
})
