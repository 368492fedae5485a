/** `postman.verify()` in a real Vitest run of a generated project. */
import { copyFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import {
  COLLECTION,
  ENVIRONMENT,
  readOutcomes,
  runNode,
  writeProject,
} from '../../adapter-node/test/project-kit.js'
import { verifyTestFile } from '../../adapter-node/test/verify-project.js'

const PACKAGE_DIR = resolve(import.meta.dirname, '..')
afterAll(() => {
  if (!process.env.POSTMOCK_KEEP_PROJECTS)
    rmSync(join(PACKAGE_DIR, 'test', '.projects', 'vitest-verify'), { recursive: true, force: true })
})

test('setupPostmanMocks().verify() in Vitest', async () => {
  const dir = writeProject(
    PACKAGE_DIR,
    'vitest-verify',
    {
      'vitest.config.mjs': `export default { test: { include: ['*.test.mjs'], environment: 'node' } }\n`,
      'verify.test.mjs': verifyTestFile('@postmock/vitest', 'vitest'),
    },
    '@postmock/vitest',
  )
  copyFileSync(COLLECTION, join(dir, 'testAPI.postman_collection.json'))
  copyFileSync(ENVIRONMENT, join(dir, 'testAPIEnv.postman_environment.json'))
  const report = join(dir, 'report.json')
  const run = await runNode(dir, [
    join(PACKAGE_DIR, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ])
  const outcomes = readOutcomes(report)
  expect(
    Object.fromEntries(Object.entries(outcomes).map(([title, o]) => [title, o.status])),
    run.output,
  ).toEqual({
    'verify: an answer shaped like the example': 'passed',
    'verify: drift against the example use() chooses, no call recorded, the once override kept': 'passed',
    'verify: JSON paths that differ': 'passed',
  })
  expect(run.code).toBe(0)
})
