/**
 * Recording (issue 11) from real test runners: a Vitest project (3 files, forked workers) and a Jest
 * project (2 files, Jest workers) run at the same time, recording into ONE collection file from a real
 * API on 127.0.0.1. Then: a second run records nothing (the file is byte-identical), the file loads
 * back and each recorded example answers its own request, and `POSTMOCK_RECORD=all` against a drifted
 * API changes exactly the drifted example (and nothing on the run after).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type RunResult, readOutcomes, runNode } from '../../adapter-node/test/project-kit.js'
import {
  changedLines,
  examplesNotAnsweringTheirRequest,
  RECORDING_COLLECTION_TEXT,
  recordedExamples,
  startFakeApi,
} from '../../adapter-node/test/recording-kit.js'

const VITEST_DIR = resolve(import.meta.dirname, '..')
const JEST_DIR = resolve(VITEST_DIR, '../jest')
const VITEST = join(VITEST_DIR, 'node_modules/vitest/vitest.mjs')
const JEST = join(JEST_DIR, 'node_modules/jest/bin/jest.js')
/** Under each package's gitignored .tmp/ (not test/.projects, which the adapter suites remove when they end). */
const WORK = join(VITEST_DIR, '.tmp', 'recording')
const FILE = join(WORK, 'shared', 'api.postman_collection.json')
const PIDS = join(WORK, 'shared', 'pids')

/** Writes a project whose `node_modules/<linkName>` is the package itself. */
function project(packageDir: string, name: string, files: Record<string, string>, linkName: string): string {
  const dir = join(packageDir, '.tmp', 'recording', name)
  rmSync(dir, { recursive: true, force: true })
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), text)
  }
  mkdirSync(join(dir, 'node_modules', dirname(linkName)), { recursive: true })
  symlinkSync(packageDir, join(dir, 'node_modules', linkName), 'dir')
  return dir
}

const SETUP = `{
  baseUrls: [process.env.API_ORIGIN],
  record: 'missing',
  redact: { jsonPaths: ['$.token'] },
}`

/** One test file's tests; `failing` adds a test that fails after its request was recorded. */
function testBody(name: string, runner: 'vitest' | 'jest', failing: boolean): string {
  return `
const api = process.env.API_ORIGIN

test('${name}: the example in the collection answers, the API is not called', async () => {
  const response = await fetch(api + '/users/1')
  expect(response.status).toBe(200)
  expect(await response.json()).toHaveProperty('name', 'User 1')
})

test('${name}: a new endpoint of this file is answered by the API', async () => {
  const response = await fetch(api + '/things/${name}')
  expect(await response.json()).toEqual({ name: '${name}' })
})

test('${name}: an endpoint every file calls', async () => {
  expect(await (await fetch(api + '/health')).text()).toBe('ok')
})

test('${name}: a request with secrets', async () => {
  const response = await fetch(api + '/sessions?api_key=k-${name}', {
    method: 'POST',
    headers: { authorization: 'Bearer secret-${name}', 'content-type': 'application/json' },
    body: '{"user":"ada"}',
  })
  expect(response.status).toBe(201)
})

test('${name}: runs in worker', () => {
  mkdirSync(process.env.PIDS, { recursive: true })
  writeFileSync(join(process.env.PIDS, '${runner}-${name}'), String(process.pid))
})
${
  failing
    ? `
test('${name}: fails after its request was recorded', async () => {
  expect((await fetch(api + '/things/${name}-failing')).status).toBe(200)
  expect('recorded').toBe('not recorded')
})
`
    : ''
}`
}

const vitestFile = (name: string, failing = false) => `import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { setupPostmanMocks } from '@postmock/vitest'

setupPostmanMocks(process.env.RECORD_COLLECTION, ${SETUP})
${testBody(name, 'vitest', failing)}`

const jestFile = (name: string) => `const { mkdirSync, writeFileSync } = require('node:fs')
const { join } = require('node:path')
const { setupPostmanMocks } = require('@postmock/jest')

setupPostmanMocks(process.env.RECORD_COLLECTION, ${SETUP})
${testBody(name, 'jest', false)}`

let api: Awaited<ReturnType<typeof startFakeApi>>
let vitestDir: string
let jestDir: string

beforeAll(async () => {
  api = await startFakeApi()
  rmSync(WORK, { recursive: true, force: true })
  mkdirSync(dirname(FILE), { recursive: true })
  writeFileSync(FILE, RECORDING_COLLECTION_TEXT)
  vitestDir = project(
    VITEST_DIR,
    'vitest',
    {
      'vitest.config.mjs': `export default { test: { include: ['*.test.ts'], pool: 'forks', maxWorkers: 3, fileParallelism: true } }\n`,
      'a.test.ts': vitestFile('a', true),
      'b.test.ts': vitestFile('b'),
      'c.test.ts': vitestFile('c'),
    },
    '@postmock/vitest',
  )
  jestDir = project(
    JEST_DIR,
    'jest',
    {
      'jest.config.cjs': `module.exports = { testMatch: ['<rootDir>/*.test.cjs'], transform: {}, testEnvironment: 'node' }\n`,
      'd.test.cjs': jestFile('d'),
      'e.test.cjs': jestFile('e'),
    },
    '@postmock/jest',
  )
})

afterAll(async () => {
  await api.close()
  if (!process.env.POSTMOCK_KEEP_PROJECTS) {
    rmSync(WORK, { recursive: true, force: true })
    rmSync(join(JEST_DIR, '.tmp', 'recording'), { recursive: true, force: true })
  }
})

interface Runs {
  vitest: RunResult & { failed: string[]; passed: number }
  jest: RunResult & { failed: string[]; passed: number }
}

/** Runs Vitest and Jest at the same time, both recording into FILE. */
async function runBoth(label: string, env: Record<string, string> = {}): Promise<Runs> {
  const shared = { API_ORIGIN: api.origin, RECORD_COLLECTION: FILE, PIDS, ...env }
  const vitestReport = join(vitestDir, `report-${label}.json`)
  const jestReport = join(jestDir, `report-${label}.json`)
  const [vitest, jest] = await Promise.all([
    runNode(vitestDir, [VITEST, 'run', '--reporter=json', `--outputFile.json=${vitestReport}`], shared),
    // A fresh cache each run: with timings cached, Jest would run the files in band.
    runNode(
      jestDir,
      [
        JEST,
        '--maxWorkers=2',
        `--cacheDirectory=${join(jestDir, `.cache-${label}`)}`,
        '--json',
        `--outputFile=${jestReport}`,
      ],
      { ...shared, NODE_OPTIONS: '--experimental-vm-modules --no-warnings' },
    ),
  ])
  const summary = (run: RunResult, report: string) => {
    const outcomes = readOutcomes(report)
    const failed = Object.entries(outcomes)
      .filter(([, outcome]) => outcome.status !== 'passed')
      .map(([title]) => title)
    return { ...run, failed, passed: Object.keys(outcomes).length - failed.length }
  }
  return { vitest: summary(vitest, vitestReport), jest: summary(jest, jestReport) }
}

describe('Vitest and Jest workers recording into one collection file', () => {
  let first: Runs
  let written: string

  test("record: 'missing': both runs pass but the one failing test, and nothing is lost", {
    timeout: 240_000,
  }, async () => {
    first = await runBoth('first')
    expect(first.vitest.failed, first.vitest.output).toEqual(['a: fails after its request was recorded'])
    expect(first.vitest.passed).toBe(15)
    expect(first.jest.failed, first.jest.output).toEqual([])
    expect(first.jest.passed).toBe(10)
    expect([first.vitest.code, first.jest.code]).toEqual([1, 0])
    const pids = readdirSync(PIDS).map((name) => ({ name, pid: readFileSync(join(PIDS, name), 'utf8') }))
    const workers = (runner: string) =>
      new Set(pids.filter((p) => p.name.startsWith(runner)).map((p) => p.pid)).size
    expect(workers('vitest')).toBeGreaterThan(1)
    expect(workers('jest')).toBeGreaterThan(1)

    written = readFileSync(FILE, 'utf8')
    const saved = JSON.parse(written)
    expect(written).toBe(JSON.stringify(saved, null, '\t'))
    expect(api.hits('/users/1')).toBe(0)
    const byItem = recordedExamples(saved).map(({ item, example }) => `${item} → ${example.name}`)
    expect(byItem.sort()).toEqual(
      [
        'Create session → 201 Created',
        'GET /health → 200 OK',
        'GET /things/a → 200 OK',
        'GET /things/a-failing → 200 OK',
        'GET /things/b → 200 OK',
        'GET /things/c → 200 OK',
        'GET /things/d → 200 OK',
        'GET /things/e → 200 OK',
      ].sort(),
    )
    expect(saved.item[0].response).toHaveLength(1)
  })

  test('secrets never land in the file', () => {
    for (const secret of ['secret-token-123', 'secret-cookie', 'Bearer secret', 'k-a', 'k-d'])
      expect(written).not.toContain(secret)
    expect(written).toContain('{{redacted}}')
  })

  test('the recorded file loads back and each recorded example answers its own request', async () => {
    expect(await examplesNotAnsweringTheirRequest(JSON.parse(written), api.origin)).toEqual([])
  })

  test('a second run records nothing new: the file is byte-identical, the API is not called', {
    timeout: 240_000,
  }, async () => {
    const calls = api.received.length
    const second = await runBoth('second')
    expect(second.vitest.failed).toEqual(['a: fails after its request was recorded'])
    expect(second.jest.failed).toEqual([])
    expect(api.received.length).toBe(calls)
    expect(readFileSync(FILE, 'utf8')).toBe(written)
  })

  // two runs of both runners, one after the other (each run up to runNode's 120 s on a loaded machine)
  test('POSTMOCK_RECORD=all against a drifted API changes exactly the drifted example, once', {
    timeout: 300_000,
  }, async () => {
    api.drift = true
    const third = await runBoth('all', { POSTMOCK_RECORD: 'all' })
    // The drifted answer still has name 'User 1': every test passes but the one failing on purpose.
    expect(third.vitest.failed).toEqual(['a: fails after its request was recorded'])
    expect(third.jest.failed).toEqual([])
    expect(api.hits('/users/1')).toBe(5)
    const after = readFileSync(FILE, 'utf8')
    expect(changedLines(written, after)).toEqual({
      removed: ['"body": "{\\"id\\":1,\\"name\\":\\"User 1\\"}"'],
      added: ['"body": "{\\"id\\":\\"1\\",\\"name\\":\\"User 1\\",\\"email\\":\\"1@example.com\\"}"'],
    })
    await runBoth('all-again', { POSTMOCK_RECORD: 'all' })
    expect(readFileSync(FILE, 'utf8')).toBe(after)
    api.drift = false
  })
})
