/**
 * Cost per test file: the same 20-file Vitest suite (node environment, 3 tests a file, each making one
 * fetch) with `setupPostmanMocks()` serving a 1.3 MB collection, and with a bare msw handler. Each run
 * is a whole `vitest run` under bash; bash's `times` gives the CPU time of the whole process tree
 * (Vitest and its workers). Runs alternate between the two suites; the medians are compared.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { median } from './measure.mjs'
import { ROOT } from './modules.mjs'
import { runVitest, tail, writeProject } from './projects.mjs'
import { sampleRequests, toRequest } from './requests.mjs'

export const SUITE_FILES = 20
const TESTS_PER_FILE = 3
export const SUITE_COLLECTION = 'test/fixtures/collections/docusign-rooms.postman_collection.json'

const tests = (requests) =>
  requests
    .map(
      (r, i) => `
test('request ${i + 1}', async () => {
  const response = await fetch(${JSON.stringify(r.url)}, ${JSON.stringify({ method: r.method, headers: r.headers, body: r.body })})
  await response.text()
  expect(response.status).toBe(${r.status})
})
`,
    )
    .join('')

const postmockFile = (collection, requests) => `import { setupPostmanMocks } from '@postmock/vitest'
import { expect, test } from 'vitest'

setupPostmanMocks(${JSON.stringify(collection)})
${tests(requests)}`

const mswFile = (requests) => `import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, test } from 'vitest'

const server = setupServer(http.all('*', () => HttpResponse.json({ ok: true })))
beforeAll(() => server.listen())
afterAll(() => server.close())
${tests(requests.map((r) => ({ ...r, status: 200 })))}`

/** Writes both suites; the requests are three served by the collection, with the status core answers. */
export async function writeSuites(core) {
  const collection = join(ROOT, SUITE_COLLECTION)
  const text = readFileSync(collection, 'utf8')
  const mock = core.createPostmanMock(JSON.parse(text), { onWarning: () => undefined })
  const requests = []
  for (const s of sampleRequests(mock.examples, TESTS_PER_FILE)) {
    const response = await mock.respond(toRequest(s))
    await response.text()
    requests.push({ ...s, status: response.status })
  }
  const files = (make) =>
    Object.fromEntries(
      Array.from({ length: SUITE_FILES }, (_, i) => [
        `file-${String(i + 1).padStart(2, '0')}.test.ts`,
        make(),
      ]),
    )
  return {
    bytes: text.length,
    examples: mock.examples.length,
    requests,
    postmock: writeProject(
      'suite-postmock',
      files(() => postmockFile(collection, requests)),
    ),
    msw: writeProject(
      'suite-msw',
      files(() => mswFile(requests)),
    ),
  }
}

async function runSuite(dir) {
  const result = await runVitest(dir, [])
  const tests = SUITE_FILES * TESTS_PER_FILE
  if (result.code !== 0 || !new RegExp(`Tests\\s+${tests} passed`).test(result.log))
    throw new Error(
      `[postmock] The bench suite in ${dir} failed (exit code ${result.code}):\n${tail(result.log)}`,
    )
  return result
}

/**
 * `warmup` untimed runs of each suite, then `rounds` timed runs of each, alternating which goes first.
 * Returns the runs and the medians (ms of CPU and wall for the whole suite).
 */
export async function measureSuites(suites, { rounds, warmup }, log) {
  for (let i = 0; i < warmup; i++) {
    await runSuite(suites.postmock)
    await runSuite(suites.msw)
  }
  const runs = { postmock: [], msw: [] }
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? ['postmock', 'msw'] : ['msw', 'postmock']
    for (const side of order) {
      const result = await runSuite(suites[side])
      runs[side].push({ cpu: result.cpu, wall: result.wall, user: result.user, sys: result.sys })
    }
  }
  const summary = (side) => ({
    cpu: median(runs[side].map((run) => run.cpu)),
    wall: median(runs[side].map((run) => run.wall)),
  })
  const postmock = summary('postmock')
  const msw = summary('msw')
  const result = {
    runs,
    postmock,
    msw,
    cpuRatio: postmock.cpu / msw.cpu,
    wallRatio: postmock.wall / msw.wall,
    pairedCpuRatio: median(runs.postmock.map((run, i) => run.cpu / runs.msw[i].cpu)),
    perFileCpu: (postmock.cpu - msw.cpu) / SUITE_FILES,
  }
  log(
    `${SUITE_FILES}-file suite: CPU ${(msw.cpu / 1000).toFixed(2)} s bare msw → ${(postmock.cpu / 1000).toFixed(2)} s postmock (${result.cpuRatio.toFixed(2)}×), wall ${(msw.wall / 1000).toFixed(2)} → ${(postmock.wall / 1000).toFixed(2)} s`,
  )
  return result
}
