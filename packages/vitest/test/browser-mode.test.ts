/**
 * Runs the real Vitest in browser mode (Chromium from the system, @vitest/browser-playwright) on a small
 * project that imports `@postmock/vitest` as users do, and checks the exit code and each test's outcome.
 */
import { copyFileSync, existsSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
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
  BROWSER_CONFIG,
  FIRST_FILE,
  MSW_VERSION_FILE,
  NO_WORKER_CONFIG,
  NO_WORKER_FILE,
  SECOND_FILE,
  TWO_CALLS_FILE,
} from './browser-fixture.js'

const PACKAGE_DIR = resolve(import.meta.dirname, '..')
const VITEST = join(PACKAGE_DIR, 'node_modules/vitest/vitest.mjs')

const PROJECTS = ['vitest-browser', 'vitest-browser-errors', 'vitest-browser-msw2']
afterAll(() => {
  if (process.env.POSTMOCK_KEEP_PROJECTS) return
  for (const name of PROJECTS)
    rmSync(join(PACKAGE_DIR, 'test', '.projects', name), { recursive: true, force: true })
})
const CHROMIUM = { CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }

let run: RunResult
let outcomes: Record<string, TestOutcome>

/** The browser-mode project: two test files, the testAPI collection and environment, orders in public/. */
function writeBrowserProject(name: string, config: string): string {
  const dir = writeProject(
    PACKAGE_DIR,
    name,
    {
      'vitest.config.mjs': config,
      'first.test.js': FIRST_FILE,
      'second.test.js': SECOND_FILE,
      // served by the dev server at /orders.postman_collection.json
      'public/orders.postman_collection.json': JSON.stringify(ORDERS_COLLECTION),
    },
    '@postmock/vitest',
  )
  copyFileSync(COLLECTION, join(dir, 'testAPI.postman_collection.json'))
  copyFileSync(ENVIRONMENT, join(dir, 'testAPIEnv.postman_environment.json'))
  return dir
}

async function runBrowserProject(
  dir: string,
): Promise<{ run: RunResult; outcomes: Record<string, TestOutcome> }> {
  const report = join(dir, 'report.json')
  const result = await runNode(
    dir,
    [VITEST, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    CHROMIUM,
  )
  return { run: result, outcomes: readOutcomes(report) }
}

/** The titles of the failed tests of a run. */
const failedTitles = (of: Record<string, TestOutcome>): string[] =>
  Object.entries(of)
    .filter(([, o]) => o.status === 'failed')
    .map(([title]) => title)
    .sort()

const EXPECTED_FAILURES = [
  'a request to an unserved origin is refused',
  'an unmatched request fails this test',
  'an unmatched request here fails only this file',
].sort()

beforeAll(async () => {
  ;({ run, outcomes } = await runBrowserProject(writeBrowserProject('vitest-browser', BROWSER_CONFIG)))
})

const outcome = (title: string): TestOutcome => {
  const found = outcomes[title]
  if (!found) throw new Error(`no test named "${title}" in the report:\n${run.output}`)
  return found
}

describe('a Vitest browser-mode project using setupPostmanMocks()', () => {
  test('exits 1 because exactly the three expected tests fail', () => {
    expect(failedTitles(outcomes), run.output).toEqual(EXPECTED_FAILURES)
    expect(run.code).toBe(1)
    expect(Object.keys(outcomes)).toHaveLength(15)
  })

  test("runs the browser build on msw's worker, served by postmockWorker()", () => {
    expect(outcome('the browser build runs on msw worker served by the plugin').status).toBe('passed')
  })

  test('serves examples, applies use() per test, records calls(), explain(), unused(), server.use()', () => {
    for (const title of [
      'serves the default example',
      'use() chooses the 401 example for this test',
      'the next test starts with no overrides and no calls',
      'explain() and unused()',
      'server.use() answers before the collection',
      'unused() lists the examples no test of this file was answered with',
    ]) {
      expect(outcome(title).status, title).toBe('passed')
    }
  })

  test('fails the test that made an unmatched request, with the near-miss report', () => {
    const { failure } = outcome('an unmatched request fails this test')
    expect(failure).toContain('[postmock] Failed to match GET https://api.example.com/users/1/posts')
    expect(failure).toContain("Postman's mock answers 404 mockRequestNotFoundError")
    expect(failure).toMatch(/1\. "Get user OK" \(200\) of "Get user": GET \/users\/1/)
    expect(outcome('the test after the unmatched one passes').status).toBe('passed')
  })

  test('refuses an unserved loopback origin: a network error, the test fails, no connection is made', () => {
    const { failure } = outcome('a request to an unserved origin is refused')
    expect(failure).toMatch(
      /\[postmock\] Failed to send GET http:\/\/127\.0\.0\.1:\d+\/secret: its origin is not served/,
    )
    expect(failure).toContain('never sent to the network')
    expect(outcome('the loopback server saw no connection').status).toBe('passed')
  })

  test('two files running at the same time keep their own overrides and calls', () => {
    expect(outcome('first file: its own 401 override while the second file runs').status).toBe('passed')
    expect(outcome('second file: the default answer meanwhile').status).toBe('passed')
    expect(outcome('an unmatched request here fails only this file').failure).toContain(
      'Failed to match GET https://orders.example.com/nothing-here',
    )
  })

  test('reads a collection by path (commands.readFile) and by URL (the dev server)', () => {
    expect(outcome('a collection fetched from the dev server serves its own origin').status).toBe('passed')
  })

  test('reportUnused lists the examples no test of the file served', () => {
    expect(run.output).toContain('[postmock] 2 of 4 examples were never served in this test file:')
    expect(run.output).toContain('testAPI · Get user · GET /users/1 · 401 Unauthorized')
    expect(run.output).toContain('orders · List orders · GET /orders · 500 Orders down')
  })
})

describe('setup mistakes in browser mode fail the file with one [postmock] message', () => {
  let dir: string
  const runFile = async (config: string, file: string) => {
    const report = join(dir, `${file}.json`)
    const result = await runNode(
      dir,
      [
        VITEST,
        'run',
        '--config',
        config,
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${report}`,
      ],
      CHROMIUM,
    )
    return { ...result, messages: suiteMessages(report) }
  }

  beforeAll(() => {
    dir = writeProject(
      PACKAGE_DIR,
      'vitest-browser-errors',
      {
        'vitest.config.mjs': BROWSER_CONFIG.replace(
          "include: ['*.test.js']",
          "include: ['two-calls.test.js']",
        ),
        'no-worker.config.mjs': NO_WORKER_CONFIG,
        'no-worker.test.js': NO_WORKER_FILE,
        'two-calls.test.js': TWO_CALLS_FILE,
      },
      '@postmock/vitest',
    )
    copyFileSync(COLLECTION, join(dir, 'testAPI.postman_collection.json'))
  })

  test("a config without postmockWorker(): msw's worker script is not served", async () => {
    const result = await runFile('no-worker.config.mjs', 'no-worker')
    expect(result.code).toBe(1)
    expect(result.messages, result.output).toContain(
      "[postmock] Failed to start msw's service worker from /mockServiceWorker.js: the dev server answered 404",
    )
    expect(result.messages).toContain("Add postmockWorker() from '@postmock/vitest/plugin'")
  })

  test('two setupPostmanMocks() in one page: pass every collection to one call', async () => {
    const result = await runFile('vitest.config.mjs', 'two-calls')
    expect(result.code).toBe(1)
    expect(result.messages, result.output).toContain(
      '[postmock] Failed to start setupPostmanMocks() a second time in this page',
    )
  })
})

// msw 2.15 in the page (the peer range's other major): the project's `msw` is compat-msw2's copy, and Vite
// aliases every `msw` and `msw/browser` import to it, as compat-msw2's own suite does in Node.
const MSW2 = resolve(PACKAGE_DIR, '../compat-msw2/node_modules/msw')
describe.skipIf(!existsSync(MSW2))('the same project with msw 2.15 in the page', () => {
  // a browser-mode run of three files: up to runNode's 120 s on a loaded machine, beside the project's setup
  test('passes and fails the same tests', { timeout: 180_000 }, async () => {
    const config = BROWSER_CONFIG.replace(
      'plugins: [postmockWorker()],',
      `plugins: [postmockWorker()],
  resolve: {
    alias: [
      { find: /^msw$/, replacement: ${JSON.stringify(join(MSW2, 'lib/core/index.mjs'))} },
      { find: /^msw\\/browser$/, replacement: ${JSON.stringify(join(MSW2, 'lib/browser/index.mjs'))} },
    ],
  },`,
    )
    const dir = writeBrowserProject('vitest-browser-msw2', config)
    // postmockWorker() serves the worker script of the msw the project resolves: msw 2's
    symlinkSync(MSW2, join(dir, 'node_modules', 'msw'), 'dir')
    writeFileSync(join(dir, 'msw-version.test.js'), MSW_VERSION_FILE)
    const msw2 = await runBrowserProject(dir)
    expect(failedTitles(msw2.outcomes), msw2.run.output).toEqual(EXPECTED_FAILURES)
    expect(msw2.outcomes['the worker script and the page are msw 2']?.status).toBe('passed')
    expect(Object.keys(msw2.outcomes)).toHaveLength(16)
  })
})
