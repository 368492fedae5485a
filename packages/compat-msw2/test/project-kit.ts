/**
 * Writes small runner projects into .projects/ (gitignored) and runs a real runner on them with the
 * Node running this suite (the system Node 20). The projects link the workspace adapters into their
 * node_modules and send every `msw` import to this package's msw 2.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import type { TestOutcome } from '../../adapter-node/test/project-kit.js'

// Running a runner and reading its JSON report work the same on any Node: shared with the adapters' kit.
export {
  type RunResult,
  readOutcomes,
  runNode,
  type TestOutcome,
} from '../../adapter-node/test/project-kit.js'

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

/** The failed test titles of a report, sorted. */
export function failedTitles(outcomes: Record<string, TestOutcome>): string[] {
  return Object.entries(outcomes)
    .filter(([, outcome]) => outcome.status === 'failed')
    .map(([title]) => title)
    .sort()
}
