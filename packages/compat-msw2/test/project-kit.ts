/**
 * Writes small runner projects into .projects/ (gitignored) and runs a real runner on them with the
 * Node running this suite (the system Node 20). The projects link the workspace adapters into their
 * node_modules and send every `msw` import to this package's msw 2.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

export const PACKAGE_DIR = resolve(import.meta.dirname, '..')
export const PACKAGES_DIR = resolve(PACKAGE_DIR, '..')

const require = createRequire(join(PACKAGE_DIR, 'package.json'))
/** This package's vitest 4 (vitest 5 crashes on Node 20 when it reports a failure). */
export const VITEST4_DIR = dirname(require.resolve('vitest/package.json'))
/** The Jest the jest adapter is developed with (packages/jest's devDependency). */
export const JEST_DIR = dirname(
  createRequire(join(PACKAGES_DIR, 'jest/package.json')).resolve('jest/package.json'),
)

/** A collection served on https://api.example.com: GET /users/1 with a 200 and a 401 example. */
export const USERS_COLLECTION = {
  info: { name: 'users', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [
    {
      name: 'Get user',
      request: { method: 'GET', url: 'https://api.example.com/users/1' },
      response: [
        {
          name: 'Get user OK',
          originalRequest: { method: 'GET', url: 'https://api.example.com/users/1' },
          code: 200,
          status: 'OK',
          header: [{ key: 'Content-Type', value: 'application/json' }],
          body: '{"id":1,"name":"Ada Lovelace"}',
        },
        {
          name: 'Unauthorized',
          originalRequest: { method: 'GET', url: 'https://api.example.com/users/1' },
          code: 401,
          status: 'Unauthorized',
          header: [{ key: 'Content-Type', value: 'application/json' }],
          body: '{"error":"sign in"}',
        },
      ],
    },
  ],
}

/**
 * Writes `files` into `.projects/<name>` (replacing an older copy) and links
 * `node_modules/@postmock/<adapter>` to packages/<adapter>, so the test files import its build.
 */
export function writeProject(name: string, files: Record<string, string>, adapters: string[]): string {
  const dir = join(PACKAGE_DIR, '.projects', name)
  rmSync(dir, { recursive: true, force: true })
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), text)
  }
  for (const adapter of adapters) {
    const link = join(dir, 'node_modules', '@postmock', adapter)
    mkdirSync(dirname(link), { recursive: true })
    symlinkSync(join(PACKAGES_DIR, adapter), link, 'dir')
  }
  return dir
}

export interface RunResult {
  code: number
  output: string
}

/** Runs `node <args>` (this Node) in `cwd`; resolves with the exit code and stdout + stderr. */
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

export interface TestOutcome {
  status: string
  failure: string
}

/** Reads a Jest/Vitest JSON report into `{ "<test title>": { status, failure } }`. */
export function readOutcomes(reportFile: string): Record<string, TestOutcome> {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
    testResults: Array<{
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

/** The failed test titles of a report, sorted. */
export function failedTitles(outcomes: Record<string, TestOutcome>): string[] {
  return Object.entries(outcomes)
    .filter(([, outcome]) => outcome.status === 'failed')
    .map(([title]) => title)
    .sort()
}
