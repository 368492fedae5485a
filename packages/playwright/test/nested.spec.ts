import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'

interface JsonTest {
  title: string
  status: string
  results: Array<{
    workerIndex: number
    parallelIndex: number
    status: string
    errors: Array<{ message?: string }>
  }>
}
interface JsonSuite {
  specs?: Array<{ title: string; tests: JsonTest[] }>
  suites?: JsonSuite[]
}

function allTests(suite: JsonSuite): Array<JsonTest & { title: string }> {
  const own = (suite.specs ?? []).flatMap((spec) => spec.tests.map((t) => ({ ...t, title: spec.title })))
  return [...own, ...(suite.suites ?? []).flatMap(allTests)]
}

const packageDir = fileURLToPath(new URL('..', import.meta.url))

test('a nested Playwright run: unmatched and unserved requests fail their tests; 2 workers do not share state', async () => {
  test.setTimeout(180_000)
  const output = join(mkdtempSync(join(tmpdir(), 'postmock-nested-')), 'report.json')
  const run = spawnSync(
    process.execPath,
    [
      join(packageDir, 'node_modules/@playwright/test/cli.js'),
      'test',
      '-c',
      'test/nested/playwright.config.ts',
      '--reporter=json',
    ],
    {
      cwd: packageDir,
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: output, CI: '' },
      encoding: 'utf8',
    },
  )
  expect(run.status, run.stderr).toBe(1)
  const report = JSON.parse(readFileSync(output, 'utf8')) as { suites: JsonSuite[] }
  const tests = report.suites.flatMap(allTests)
  const byTitle = new Map(tests.map((t) => [t.title, t]))

  const unmatched = byTitle.get('unmatched request to a served origin')!
  expect(unmatched.results[0]!.status).toBe('failed')
  const unmatchedError = unmatched.results[0]!.errors.map((e) => e.message ?? '').join('\n')
  expect(unmatchedError).toContain('[postmock] Failed to match GET https://abc.mock.pstmn.io/users/1/posts')
  // core's near-miss report names the closest example
  expect(unmatchedError).toContain('Get user')

  const unserved = byTitle.get('request to an unserved origin')!
  expect(unserved.results[0]!.status).toBe('failed')
  expect(unserved.results[0]!.errors.map((e) => e.message ?? '').join('\n')).toContain(
    '[postmock] Failed to send GET https://unserved.example.org/users/1: its origin https://unserved.example.org is not served',
  )

  const parallel = tests.filter((t) => t.title.startsWith('parallel '))
  expect(parallel).toHaveLength(4)
  for (const t of parallel) expect(`${t.title}: ${t.results[0]!.status}`).toBe(`${t.title}: passed`)
  const workers = new Set(parallel.map((t) => t.results[0]!.parallelIndex))
  expect([...workers].sort()).toEqual([0, 1])
})
