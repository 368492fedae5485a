import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import type { CoverageReport } from '@postmock/core'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

/** Runs the nested coverage project (test/coverage-run) with the reporter's options in the environment. */
function runCoverage(out: string, threshold: number, files: string[] = []) {
  return spawnSync(
    process.execPath,
    [
      join(packageDir, 'node_modules/@playwright/test/cli.js'),
      'test',
      '-c',
      'test/coverage-run/playwright.config.ts',
      ...files,
    ],
    {
      cwd: packageDir,
      env: {
        ...process.env,
        COVERAGE_OUT: out,
        COVERAGE_THRESHOLD: String(threshold),
        GITHUB_STEP_SUMMARY: '',
        CI: '',
        FORCE_COLOR: '0',
        NO_COLOR: '1',
      },
      encoding: 'utf8',
    },
  )
}

const read = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'postmock-coverage.json'), 'utf8')) as CoverageReport

test('@postmock/playwright/reporter: one report over 2 workers, exact counts and test names', async () => {
  test.setTimeout(180_000)
  const out = mkdtempSync(join(tmpdir(), 'postmock-pw-coverage-'))
  const run = runCoverage(out, 100)
  expect(run.status, run.stdout + run.stderr).toBe(0)
  // both workers ran tests
  expect(run.stdout).toMatch(/Running 3 tests using 2 workers/)
  expect(run.stdout).toContain('[postmock] Example coverage: 2 of 2 examples served (100.0%), 4 calls')
  expect(run.stdout).toMatch(/Get user\s+GET\s+\/users\/1\s+2\/2\s+1\/1\s+1\/1/)
  const report = read(out)
  expect(report).toMatchObject({ total: 2, served: 2, calls: 4 })
  expect(report.collections.map((c) => c.label)).toEqual(['testAPI'])
  expect(report.collections[0]!.examples.map((e) => [e.name, e.code, e.calls, e.tests])).toEqual([
    [
      'Get user OK',
      200,
      3,
      [
        'test/coverage-run/signed-in.cov.ts > signed in',
        'test/coverage-run/signed-out.cov.ts > signed out > signed in again',
      ],
    ],
    ['Unauthorized', 401, 1, ['test/coverage-run/signed-out.cov.ts > signed out > 401']],
  ])
})

test('@postmock/playwright/reporter: a threshold not reached fails the run and lists the unserved example', async () => {
  test.setTimeout(180_000)
  const out = mkdtempSync(join(tmpdir(), 'postmock-pw-coverage-'))
  const run = runCoverage(out, 100, ['signed-in.cov.ts'])
  expect(run.status, run.stdout + run.stderr).toBe(1)
  expect(run.stdout).toContain('1 passed')
  expect(run.stderr).toContain(
    '[postmock] Failed to reach the example coverage threshold: 50.0% of the examples were served (1 of 2), below the threshold of 100%.',
  )
  expect(run.stderr).toMatch(
    /testAPI\s+Get user\s+GET\s+\/users\/1\s+401\s+Unauthorized\s+item\[0\]\.response\[1\]/,
  )
  expect(read(out)).toMatchObject({ total: 2, served: 1, calls: 2 })
})
