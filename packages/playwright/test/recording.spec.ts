/**
 * Recording (issue 11) from a real Playwright run: a nested project (test/recording-run: 2 files, 2
 * workers, real Chromium) records the page's requests into ONE collection file from a real API on
 * 127.0.0.1. Then: a second run records nothing (byte-identical, the API is not called), the file
 * loads back and each recorded example answers its own request, and POSTMOCK_RECORD=all (winning over
 * record: 'missing') against a drifted API changes exactly the drifted example.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import {
  changedLines,
  examplesNotAnsweringTheirRequest,
  RECORDING_COLLECTION_TEXT,
  recordedExamples,
  startFakeApi,
} from '../../adapter-node/test/recording-kit.js'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
/** Under the package's gitignored .tmp/. */
const WORK = join(packageDir, '.tmp', 'recording')
const FILE = join(WORK, 'api.postman_collection.json')
const WORKERS_FILE = join(WORK, 'workers.txt')

// biome-ignore lint/suspicious/noExplicitAny: parsed collection JSON, read field by field
type Json = Record<string, any>

let api: Awaited<ReturnType<typeof startFakeApi>>

/** Runs the nested project; resolves with its exit code and output. */
function runNested(env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(packageDir, 'node_modules/@playwright/test/cli.js'),
        'test',
        '-c',
        'test/recording-run/playwright.config.ts',
      ],
      {
        cwd: packageDir,
        env: {
          ...process.env,
          API_ORIGIN: api.origin,
          RECORD_COLLECTION: FILE,
          WORKERS_FILE,
          POSTMOCK_RECORD: '',
          CI: '',
          FORCE_COLOR: '0',
          ...env,
        },
      },
    )
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('close', (code) => resolve({ code, output }))
  })
}

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  api = await startFakeApi()
  rmSync(WORK, { recursive: true, force: true })
  mkdirSync(WORK, { recursive: true })
  writeFileSync(FILE, RECORDING_COLLECTION_TEXT)
})

test.afterAll(async () => {
  await api?.close()
})

let written: string

test("record: 'missing' in 2 workers: every answer lands in one file, secrets redacted", async () => {
  test.setTimeout(240_000)
  const run = await runNested()
  expect(run.code, run.output).toBe(0)
  expect(run.output).toContain('Running 10 tests using 2 workers')
  expect(run.output).toContain('10 passed')
  const workers = new Set(
    readFileSync(WORKERS_FILE, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(':')[1]),
  )
  expect(workers.size).toBe(2)

  written = readFileSync(FILE, 'utf8')
  const saved = JSON.parse(written)
  // the file's own layout (Postman's export: tabs, no final newline)
  expect(written).toBe(JSON.stringify(saved, null, '\t'))
  // the saved example answered /users/1 in the page: the API never saw it
  expect(api.hits('/users/1')).toBe(0)
  expect(api.hits('/things/a')).toBe(1)
  expect(api.hits('/things/b')).toBe(1)
  const byItem = recordedExamples(saved).map(({ item, example }) => `${item} → ${example.name}`)
  expect(byItem.sort()).toEqual(
    [
      'Create session → 201 Created',
      'GET /health → 200 OK',
      'GET /things/a → 200 OK',
      'GET /things/b → 200 OK',
    ].sort(),
  )
  expect(saved.item[0].response).toHaveLength(1)
  // originalRequest in the collection's {{baseUrl}} form, the page's own headers left out
  const session = recordedExamples(saved).find(({ item }) => item === 'Create session')!.example
  expect(session.originalRequest.url.raw).toBe('{{baseUrl}}/sessions?api_key={{redacted}}')
  const headerNames = session.originalRequest.header.map((header: Json) => header.key)
  expect(headerNames).toContain('Authorization')
  expect(headerNames.filter((name: string) => /^(Origin|Referer|Sec-)/.test(name))).toEqual([])
})

test('secrets never land in the file; unserved origins stay refused', () => {
  for (const secret of [
    'secret-token-123',
    'secret-cookie',
    'Bearer secret',
    'k-a',
    'k-b',
    'leak-',
    'unserved',
  ])
    expect(written).not.toContain(secret)
  expect(written).toContain('{{redacted}}')
  // the real API got the secret it needs (once the other worker recorded it, the example answers)
  const sessions = api.received.filter((entry) => entry.url.startsWith('/sessions'))
  expect(sessions.length).toBeGreaterThan(0)
  for (const entry of sessions) expect(entry.headers.authorization).toMatch(/^Bearer secret-[ab]$/)
  // Postman's control headers ask the mock: the API never sees them, the file never keeps them
  for (const entry of sessions)
    expect(Object.keys(entry.headers).filter((h) => h.startsWith('x-mock-'))).toEqual([])
  expect(written).not.toContain('x-mock-match-request-body')
})

test('the recorded file loads back and each recorded example answers its own request', async () => {
  const saved = JSON.parse(written)
  expect(recordedExamples(saved)).toHaveLength(4)
  expect(await examplesNotAnsweringTheirRequest(saved, api.origin)).toEqual([])
})

test('a second run records nothing new: the file is byte-identical, the API is not called', async () => {
  test.setTimeout(240_000)
  const calls = api.received.length
  const run = await runNested()
  expect(run.code, run.output).toBe(0)
  expect(api.received.length).toBe(calls)
  expect(readFileSync(FILE, 'utf8')).toBe(written)
})

test('POSTMOCK_RECORD=all wins over the option: a drifted API changes exactly the drifted example', async () => {
  test.setTimeout(240_000)
  api.drift = true
  const run = await runNested({ POSTMOCK_RECORD: 'all' })
  expect(run.code, run.output).toBe(0)
  expect(api.hits('/users/1')).toBe(2)
  const after = readFileSync(FILE, 'utf8')
  expect(changedLines(written, after)).toEqual({
    removed: ['"body": "{\\"id\\":1,\\"name\\":\\"User 1\\"}"'],
    added: ['"body": "{\\"id\\":\\"1\\",\\"name\\":\\"User 1\\",\\"email\\":\\"1@example.com\\"}"'],
  })
  api.drift = false
})
