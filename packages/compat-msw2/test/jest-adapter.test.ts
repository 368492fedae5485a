/**
 * Runs the real Jest 30 on the system Node 20 over two small projects that use @postmock/jest with
 * msw 2 (TOOLCHAIN.md §5): ESM test files with --experimental-vm-modules and no transform, and CJS test
 * files with @swc/jest transforming node_modules too (msw 2's CJS build requires the ESM-only rettime).
 * `msw` and `msw/node` are mapped to this package's msw 2 for the adapter's build too. Checks the exit
 * code, each test's outcome and the reports.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { msw2Dir } from '../msw2-aliases.js'
import { adapterTestFile, EXPECTED_FAILURES, type ModuleStyle, TITLES } from './adapter-project.js'
import {
  failedTitles,
  JEST_DIR,
  PACKAGES_DIR,
  type RunResult,
  readOutcomes,
  runNode,
  type TestOutcome,
  USERS_COLLECTION,
  writeProject,
} from './project-kit.js'

const built = existsSync(join(PACKAGES_DIR, 'jest/dist/index.mjs'))
/** @swc/jest, a devDependency of packages/jest. */
const SWC_JEST = dirname(
  createRequire(join(PACKAGES_DIR, 'jest/package.json')).resolve('@swc/jest/package.json'),
)

interface JestProject {
  label: string
  name: string
  style: ModuleStyle
  testFile: string
  packageType: 'module' | 'commonjs'
  config: string
  env: Record<string, string>
}

const ESM: JestProject = {
  label: 'ESM test files, --experimental-vm-modules, no transform',
  name: 'jest-esm',
  style: 'esm-default-http',
  testFile: 'adapter.test.mjs',
  packageType: 'module',
  config: `export default {
  testMatch: ['<rootDir>/*.test.mjs'],
  transform: {},
  moduleNameMapper: {
    '^msw$': ${JSON.stringify(join(msw2Dir, 'lib/core/index.mjs'))},
    '^msw/node$': ${JSON.stringify(join(msw2Dir, 'lib/node/index.mjs'))},
  },
}
`,
  env: { NODE_OPTIONS: '--experimental-vm-modules' },
}

const CJS: JestProject = {
  label: 'CJS test files, @swc/jest over node_modules',
  name: 'jest-cjs',
  style: 'cjs',
  testFile: 'adapter.test.cjs',
  packageType: 'commonjs',
  config: `module.exports = {
  testMatch: ['<rootDir>/*.test.cjs'],
  transform: { '^.+\\\\.(c|m)?js$': [${JSON.stringify(SWC_JEST)}, { module: { type: 'commonjs' } }] },
  transformIgnorePatterns: [],
  moduleNameMapper: {
    '^msw$': ${JSON.stringify(join(msw2Dir, 'lib/core/index.js'))},
    '^msw/node$': ${JSON.stringify(join(msw2Dir, 'lib/node/index.js'))},
  },
}
`,
  env: {},
}

for (const project of [ESM, CJS]) {
  describe.skipIf(!built)(`@postmock/jest on msw 2 and Node 20 (real Jest run: ${project.label})`, () => {
    let run: RunResult
    let outcomes: Record<string, TestOutcome>

    beforeAll(async () => {
      const dir = writeProject(
        project.name,
        {
          'package.json': `{ "type": "${project.packageType}" }\n`,
          [project.packageType === 'module' ? 'jest.config.mjs' : 'jest.config.cjs']: project.config,
          [project.testFile]: adapterTestFile('@postmock/jest', '@jest/globals', project.style),
          'users.postman_collection.json': JSON.stringify(USERS_COLLECTION),
        },
        ['jest'],
      )
      const report = join(dir, 'report.json')
      run = await runNode(
        dir,
        [join(JEST_DIR, 'bin/jest.js'), '--ci', '--runInBand', '--json', `--outputFile=${report}`],
        project.env,
      )
      outcomes = existsSync(report) ? readOutcomes(report) : {}
    })

    const outcome = (title: string): TestOutcome => {
      const found = outcomes[title]
      if (!found) throw new Error(`no test named "${title}" in the report:\n${run.output}`)
      return found
    }

    test('every test ran; exactly the unmatched and the refused ones failed, so Jest exits 1', () => {
      expect(Object.keys(outcomes).sort(), run.output).toEqual([...TITLES].sort())
      expect(failedTitles(outcomes), run.output).toEqual(EXPECTED_FAILURES)
      expect(run.code).toBe(1)
    })

    test('msw 2 on Node 20 is what the project ran, with the adapter on the same msw copy', () => {
      expect(outcome(TITLES[0]!).status, outcome(TITLES[0]!).failure).toBe('passed')
    })

    test('per-test use() and calls(), reset between tests', () => {
      for (const title of TITLES.slice(1, 4))
        expect(outcome(title).status, outcome(title).failure).toBe('passed')
    })

    test('the unmatched request fails its own test with a report naming the request', () => {
      const { failure } = outcome('an unmatched request fails this test')
      expect(failure).toContain('[postmock]')
      expect(failure).toContain('GET https://api.example.com/users/1/posts')
      expect(outcome('the test after the unmatched one passes').status).toBe('passed')
    })

    test('the unserved loopback origin is refused and reported, and it received no connection', () => {
      const { failure } = outcome('a request to an unserved origin is refused')
      expect(failure).toContain('[postmock]')
      expect(failure).toMatch(/http:\/\/127\.0\.0\.1:\d+\/secret/)
      expect(outcome('the loopback server saw no connection').status).toBe('passed')
    })
  })
}
