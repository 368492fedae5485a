/**
 * Runs the real Vitest 4 on the system Node 20 over a small project that uses @postmock/vitest with
 * msw 2 (msw, msw/node and vitest aliased for the adapter's build too), and checks the exit code, each
 * test's outcome and the reports.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { msw2Aliases } from '../msw2-aliases.js'
import { adapterTestFile, EXPECTED_FAILURES, TITLES } from './adapter-project.js'
import {
  failedTitles,
  PACKAGES_DIR,
  type RunResult,
  readOutcomes,
  runNode,
  type TestOutcome,
  USERS_COLLECTION,
  VITEST4_DIR,
  writeProject,
} from './project-kit.js'

const built = existsSync(join(PACKAGES_DIR, 'vitest/dist/index.mjs'))

function vitestConfig(): string {
  const aliases = [
    ...msw2Aliases(),
    // The adapter's own `import 'vitest'` would find vitest 5 in packages/vitest/node_modules.
    { find: /^vitest$/, replacement: join(VITEST4_DIR, 'dist/index.js') },
  ]
  const alias = aliases
    .map((a) => `{ find: ${a.find}, replacement: ${JSON.stringify(a.replacement)} }`)
    .join(', ')
  return `export default {
  resolve: { alias: [${alias}] },
  test: {
    include: ['*.test.ts'],
    environment: 'node',
    server: { deps: { inline: [/\\/packages\\/(core|vitest|adapter-node)\\/dist\\//] } },
  },
}
`
}

const JSDOM_TEST = `// @vitest-environment jsdom
import { expect, test } from 'vitest'
import { setupPostmanMocks } from '@postmock/vitest'

const postman = setupPostmanMocks('./users.postman_collection.json', { baseUrls: ['https://api.example.com'] })

test('jsdom: fetch is answered from the collection', async () => {
  expect(typeof document.createElement).toBe('function')
  postman.use({ code: 401 })
  expect((await fetch('https://api.example.com/users/1')).status).toBe(401)
  expect(postman.calls()).toMatchObject([{ example: { name: 'Unauthorized' } }])
})
`

const CONCURRENT_TEST = `import { expect, test } from 'vitest'
import { setupPostmanMocks } from '@postmock/vitest'

const postman = setupPostmanMocks('./users.postman_collection.json', { baseUrls: ['https://api.example.com'] })
const sleep = (ms) => new Promise((done) => setTimeout(done, ms))
const getUser = () => fetch('https://api.example.com/users/1')

test.concurrent('concurrent A: its own 401 override', async () => {
  postman.use({ request: 'Get user', code: 401 })
  await sleep(40)
  expect((await getUser()).status).toBe(401)
  expect(postman.calls()).toHaveLength(1)
})

test.concurrent('concurrent B: the default answer meanwhile', async () => {
  await sleep(10)
  expect((await getUser()).status).toBe(200)
  await sleep(60)
  expect(postman.calls()).toMatchObject([{ status: 200 }])
})

test.concurrent('concurrent C: only this one fails on its unmatched request', async () => {
  await sleep(20)
  expect((await fetch('https://api.example.com/nothing-here')).status).toBe(404)
})
`

const CONCURRENT = [
  'concurrent A: its own 401 override',
  'concurrent B: the default answer meanwhile',
  'concurrent C: only this one fails on its unmatched request',
]

describe.skipIf(!built)('@postmock/vitest on msw 2 and Node 20 (real Vitest 4 run)', () => {
  let run: RunResult
  let outcomes: Record<string, TestOutcome>

  beforeAll(async () => {
    const dir = writeProject(
      'vitest-adapter',
      {
        'vitest.config.mjs': vitestConfig(),
        'adapter.test.ts': adapterTestFile('@postmock/vitest', 'vitest', 'esm'),
        'jsdom.test.ts': JSDOM_TEST,
        'concurrent.test.ts': CONCURRENT_TEST,
        'users.postman_collection.json': JSON.stringify(USERS_COLLECTION),
      },
      ['vitest'],
    )
    const report = join(dir, 'report.json')
    run = await runNode(dir, [
      join(VITEST4_DIR, 'vitest.mjs'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ])
    outcomes = existsSync(report) ? readOutcomes(report) : {}
  })

  const outcome = (title: string): TestOutcome => {
    const found = outcomes[title]
    if (!found) throw new Error(`no test named "${title}" in the report:\n${run.output}`)
    return found
  }

  test('every test ran; exactly the unmatched and the refused ones failed, so Vitest exits 1', () => {
    expect(Object.keys(outcomes).sort(), run.output).toEqual(
      [...TITLES, ...CONCURRENT, 'jsdom: fetch is answered from the collection'].sort(),
    )
    expect(failedTitles(outcomes), run.output).toEqual([...EXPECTED_FAILURES, CONCURRENT[2]!].sort())
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

  test('test.concurrent: each test sees its own use() and calls(); only the unmatched one fails', () => {
    expect(outcome(CONCURRENT[0]!).status, outcome(CONCURRENT[0]!).failure).toBe('passed')
    expect(outcome(CONCURRENT[1]!).status, outcome(CONCURRENT[1]!).failure).toBe('passed')
    expect(outcome(CONCURRENT[2]!).failure).toContain('GET https://api.example.com/nothing-here')
  })

  test('the jsdom environment works on msw 2 too', () => {
    expect(outcome('jsdom: fetch is answered from the collection').status).toBe('passed')
  })
})
