/**
 * Runs the real Jest on a generated project whose tests use faults and answer sequences (issue 12)
 * through @postmock/jest: global fetch and node:https see each fault, a retry loop sees [503, 503, 200],
 * `then: 'collection'` falls back, and no fault fails a test as an unmatched request would.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { FLAKY_COLLECTION } from '../../adapter-node/test/faults-collection.js'
import {
  type RunResult,
  readOutcomes,
  runNode,
  type TestOutcome,
  writeProject,
} from '../../adapter-node/test/project-kit.js'

const PACKAGE_DIR = resolve(import.meta.dirname, '..')
const JEST = join(PACKAGE_DIR, 'node_modules/jest/bin/jest.js')
const CONFIG = `module.exports = { testMatch: ['<rootDir>/*.test.mjs'], transform: {}, testEnvironment: 'node', cacheDirectory: '<rootDir>/.cache' }\n`

const FAULTS_TEST = `
import https from 'node:https'
import { expect, test } from '@jest/globals'
import { setupPostmanMocks } from '@postmock/jest'

const postman = setupPostmanMocks('./flaky.postman_collection.json', { baseUrls: ['https://api.example.com'] })
const URL_1 = 'https://api.example.com/users/1'

/** node:https: resolves with { status, body }, or with the error the request or its response emitted. */
const httpsGet = (url, options = {}) =>
  new Promise((resolve) => {
    const req = https.get(url, options, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode, body }))
      res.on('error', resolve)
    })
    req.on('error', resolve)
  })

test('network-error: fetch rejects with a TypeError, node:https sees ECONNREFUSED', async () => {
  postman.use({ request: 'Get user', fault: 'network-error' })
  const failure = await fetch(URL_1).catch((error) => error)
  expect(failure).toBeInstanceOf(TypeError)
  expect(failure.cause.code).toBe('ECONNREFUSED')
  expect((await httpsGet(URL_1)).code).toBe('ECONNREFUSED')
  expect(postman.calls().map((call) => [call.status, call.fault])).toEqual([[0, 'network-error'], [0, 'network-error']])
})

test('timeout: no answer until the client aborts', async () => {
  postman.use({ request: 'Get user', fault: 'timeout' })
  const failure = await fetch(URL_1, { signal: AbortSignal.timeout(50) }).catch((error) => error)
  expect(failure.name).toBe('TimeoutError')
  const controller = new AbortController()
  const pending = httpsGet(URL_1, { signal: controller.signal })
  setTimeout(() => controller.abort(), 20)
  expect((await pending).name).toBe('AbortError')
})

test('reset: the body stops halfway', async () => {
  postman.use({ request: 'Get user', fault: 'reset' })
  const response = await fetch(URL_1)
  expect(response.status).toBe(200)
  await expect(response.text()).rejects.toThrow('terminated')
  expect((await httpsGet(URL_1)).code).toBe('ECONNRESET')
})

test('malformed: a truncated body with the example status', async () => {
  postman.use({ request: 'Get user', fault: 'malformed' })
  const response = await fetch(URL_1)
  expect(response.status).toBe(200)
  // Jest's realm has its own SyntaxError: compare by name
  await expect(response.json()).rejects.toMatchObject({ name: 'SyntaxError' })
})

test('a sequence [503, 503, 200] seen by a retry loop; calls() shows the step', async () => {
  postman.use({ request: 'Get user', sequence: [{ code: 503 }, { code: 503 }, { code: 200 }] })
  let response
  for (let attempt = 0; attempt < 5; attempt++) {
    response = await fetch(URL_1)
    if (response.ok) break
  }
  expect(await response.json()).toMatchObject({ name: 'Ada Lovelace' })
  expect(postman.calls().map((call) => [call.status, call.step])).toEqual([[503, 0], [503, 1], [200, 2]])
})

test("then: 'collection' falls back to normal matching", async () => {
  postman.use({ request: 'Get user', sequence: [{ code: 404 }], then: 'collection' })
  expect((await fetch(URL_1)).status).toBe(404)
  expect((await fetch(URL_1)).status).toBe(200)
})

test('the next test starts without the sequence', async () => {
  expect((await fetch(URL_1)).status).toBe(200)
  expect(postman.calls()).toHaveLength(1)
})

test('a fault on a path no example answers is not an unmatched request', async () => {
  postman.use({ fault: 'network-error' })
  await expect(fetch('https://api.example.com/nothing')).rejects.toThrow(TypeError)
})

test('an unmatched request without a fault still fails its test (the control)', async () => {
  expect((await fetch('https://api.example.com/nothing')).status).toBe(404)
})
`

let run: RunResult
let outcomes: Record<string, TestOutcome>

beforeAll(async () => {
  const dir = writeProject(
    PACKAGE_DIR,
    'jest-faults',
    { 'jest.config.cjs': CONFIG, 'faults.test.mjs': FAULTS_TEST },
    '@postmock/jest',
  )
  writeFileSync(join(dir, 'flaky.postman_collection.json'), JSON.stringify(FLAKY_COLLECTION))
  const report = join(dir, 'report.json')
  run = await runNode(dir, [JEST, '--json', `--outputFile=${report}`], {
    NODE_OPTIONS: '--experimental-vm-modules --no-warnings',
  })
  outcomes = readOutcomes(report)
})

afterAll(() => {
  if (!process.env.POSTMOCK_KEEP_PROJECTS)
    rmSync(join(PACKAGE_DIR, 'test', '.projects', 'jest-faults'), { recursive: true, force: true })
})

test('every fault and sequence test passes; only the unmatched control fails', () => {
  const failed = Object.entries(outcomes).filter(([, o]) => o.status === 'failed')
  expect(
    failed.map(([title]) => title),
    run.output,
  ).toEqual(['an unmatched request without a fault still fails its test (the control)'])
  expect(failed[0]![1].failure).toContain('[postmock] Failed to match GET https://api.example.com/nothing')
  expect(Object.values(outcomes).filter((o) => o.status === 'passed')).toHaveLength(8)
  expect(run.code).toBe(1)
})
