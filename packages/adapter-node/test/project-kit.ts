/**
 * Test kit shared by the adapters' suites: writes small projects inside a package (so that node
 * resolution finds the package's node_modules: the runner, msw, @postmock/*) and runs a real test
 * runner on them with the current Node (24, the one `pnpm run` puts first).
 */
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

export const EXAMPLES_DIR = resolve(import.meta.dirname, '../../../examples')
export const COLLECTION = join(EXAMPLES_DIR, 'testAPI.postman_collection.json')
export const ENVIRONMENT = join(EXAMPLES_DIR, 'testAPIEnv.postman_environment.json')

/** A second collection for multi-source setups: GET /orders with a 200 and a 500 example. */
export const ORDERS_COLLECTION = {
  info: { name: 'orders', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  variable: [{ key: 'ordersUrl', value: 'https://orders.example.com' }],
  item: [
    {
      name: 'List orders',
      request: {
        method: 'GET',
        url: { raw: '{{ordersUrl}}/orders', host: ['{{ordersUrl}}'], path: ['orders'] },
      },
      response: [
        {
          name: 'Orders',
          code: 200,
          status: 'OK',
          header: [{ key: 'Content-Type', value: 'application/json' }],
          body: '[{"id":7}]',
          originalRequest: {
            method: 'GET',
            url: { raw: '{{ordersUrl}}/orders', host: ['{{ordersUrl}}'], path: ['orders'] },
          },
        },
        {
          name: 'Orders down',
          code: 500,
          status: 'Internal Server Error',
          header: [],
          body: 'down',
          originalRequest: {
            method: 'GET',
            url: { raw: '{{ordersUrl}}/orders', host: ['{{ordersUrl}}'], path: ['orders'] },
          },
        },
      ],
    },
  ],
}

/**
 * Writes `files` into `<packageDir>/test/.projects/<name>` (gitignored) and links
 * `node_modules/<linkName>` to the package itself, so `import '<linkName>'` resolves to its build.
 */
export function writeProject(
  packageDir: string,
  name: string,
  files: Record<string, string>,
  linkName: string,
): string {
  const dir = join(packageDir, 'test', '.projects', name)
  rmSync(dir, { recursive: true, force: true })
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), text)
  }
  const link = join(dir, 'node_modules', linkName)
  mkdirSync(dirname(link), { recursive: true })
  symlinkSync(packageDir, link, 'dir')
  return dir
}

export interface RunResult {
  code: number
  output: string
}

/** Runs `node <args>` in `cwd` and resolves with the exit code and stdout + stderr (never rejects). */
export function runNode(cwd: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      args,
      {
        cwd,
        env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', CI: 'true', ...env },
        timeout: 120_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        done({ code, output: `${stdout}\n${stderr}` })
      },
    )
  })
}

/** One test's result in a Jest or Vitest JSON report. */
export interface TestOutcome {
  status: string
  failure: string
}

/** Reads a Jest/Vitest JSON report into `{ "<title>": { status, failure } }` (test titles, unique). */
export function readOutcomes(reportFile: string): Record<string, TestOutcome> {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
    testResults: Array<{
      message?: string
      assertionResults: Array<{ title: string; status: string; failureMessages?: string[] }>
    }>
  }
  const outcomes: Record<string, TestOutcome> = {}
  for (const file of report.testResults) {
    for (const test of file.assertionResults) {
      outcomes[test.title] = { status: test.status, failure: (test.failureMessages ?? []).join('\n') }
    }
  }
  return outcomes
}

/** The suite-level messages of a Jest/Vitest JSON report (e.g. "Test suite failed to run"). */
export function suiteMessages(reportFile: string): string {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { testResults: Array<{ message?: string }> }
  return report.testResults.map((file) => file.message ?? '').join('\n')
}
