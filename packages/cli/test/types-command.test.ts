import { copyFile, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'
import { diagnosticsOf, sampleProject, TYPESCRIPT_VERSION, typeCheck } from './type-check-kit.js'
import { API_NAMES, BOX_SAMPLES, type SampleSet, sampleFiles, TEST_API_SAMPLES } from './types-samples.js'

const TEST_API = fileURLToPath(new URL('../../../examples/testAPI.postman_collection.json', import.meta.url))
const TEST_ENV = fileURLToPath(
  new URL('../../../examples/testAPIEnv.postman_environment.json', import.meta.url),
)
const BOX = fileURLToPath(
  new URL('../../../test/fixtures/collections/box-platform.postman_collection.json', import.meta.url),
)

const folders: string[] = []
afterAll(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })))
})

/** A sample project holding the collection and the samples; with `typed`, `postmock types` run in it. */
async function project(collection: string, set: SampleSet, typed: boolean, extra: string[] = []) {
  const dir = await sampleProject(sampleFiles(set, typed))
  folders.push(dir)
  await copyFile(collection, join(dir, 'collection.json'))
  const generated = typed
    ? await runCli(['types', 'collection.json', ...extra, '-o', 'types/postman.d.ts'], { cwd: dir })
    : undefined
  return { dir, generated, check: await typeCheck(dir) }
}

/** Checks one typed project: good samples and results pass, each bad sample fails once, as expected. */
function expectTyped(check: Awaited<ReturnType<typeof typeCheck>>, set: SampleSet): void {
  for (const api of API_NAMES) {
    expect(diagnosticsOf(check.diagnostics, `${api}-good.ts`), `${api}-good.ts`).toEqual([])
    expect(diagnosticsOf(check.diagnostics, `${api}-results.ts`), `${api}-results.ts`).toEqual([])
    for (const [name, bad] of Object.entries(set.bad)) {
      const found = diagnosticsOf(check.diagnostics, `${api}-${name}.ts`)
      expect(found, `${api}-${name}.ts`).toHaveLength(1)
      for (const mention of bad.mentions) expect(found[0]!.message, `${api}-${name}.ts`).toContain(mention)
    }
  }
  const expected = API_NAMES.length * Object.keys(set.bad).length
  expect(check.diagnostics).toHaveLength(expected)
  expect(check.code).toBe(2)
}

describe('postmock types + tsc --noEmit on each adapter API', () => {
  it('uses the repo TypeScript 6.0.3', () => {
    expect(TYPESCRIPT_VERSION).toBe('6.0.3')
  })

  it('testAPI: right names pass; a misspelled request or example, an unsaved code fail with the valid names', async () => {
    const { dir, generated, check } = await project(TEST_API, TEST_API_SAMPLES, true, ['-e', TEST_ENV])
    expect(generated!.stderr).toBe('')
    expect(generated!.code).toBe(0)
    expect(generated!.stdout).toBe(
      '[postmock] Wrote types/postman.d.ts: 1 collection, 1 request (2 path forms), 2 examples.\n',
    )
    const file = await readFile(join(dir, 'types/postman.d.ts'), 'utf8')
    expect(file).toContain('"Get user": { examples: { "Get user OK": 200; "Unauthorized": 401 } }')
    expect(file).toContain('"GET /users/1": { examples: { "Get user OK": 200; "Unauthorized": 401 } }')
    expect(file).toMatch(
      /run again: postmock types collection\.json -e \S+testAPIEnv\.postman_environment\.json -o types\/postman\.d\.ts\n/,
    )
    expectTyped(check, TEST_API_SAMPLES)
    // the message a user sees for a typo in the request name
    expect(diagnosticsOf(check.diagnostics, 'vitest-misspelled-request.ts')[0]!.message).toBe(
      `Type '"Get usr"' is not assignable to type '"Get user" | "GET /users/1" | "/users/1" | undefined'. Did you mean '"Get user"'?`,
    )
  })

  it('testAPI without the generated file: the same calls, typos included, compile as plain strings', async () => {
    const { check } = await project(TEST_API, TEST_API_SAMPLES, false)
    expect(check.output).toBe('')
    expect(check.code).toBe(0)
  })

  it('box-platform (172 requests, names with line breaks and backticks): the same checks', async () => {
    const { generated, check } = await project(BOX, BOX_SAMPLES, true)
    expect(generated!.code).toBe(0)
    expect(generated!.stdout).toBe(
      '[postmock] Wrote types/postman.d.ts: 1 collection, 172 requests (281 path forms), 277 examples.\n',
    )
    expectTyped(check, BOX_SAMPLES)
  })

  it('box-platform without the generated file compiles', async () => {
    const { check } = await project(BOX, BOX_SAMPLES, false)
    expect(check.output).toBe('')
    expect(check.code).toBe(0)
  })
})

describe('postmock types: the command line', () => {
  it('is listed in postmock --help and has its own --help', async () => {
    expect((await runCli(['--help'])).stdout).toContain('  types     Write a .d.ts that checks request')
    const help = await runCli(['types', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('postmock types <collection.json | postmock.config.json>...')
  })

  it('explains a missing collection, a missing file and an --out that is not a .d.ts', async () => {
    const none = await runCli(['types'])
    expect(none.code).toBe(2)
    expect(none.stderr).toBe(
      '[postmock] Failed to run postmock types: it needs a collection or postmock.config.json file. See postmock types --help.\n',
    )
    const wrongOut = await runCli(['types', TEST_API, '-o', 'postman.ts'])
    expect(wrongOut.code).toBe(2)
    expect(wrongOut.stderr).toContain('--out must name a declaration file (.d.ts), got "postman.ts"')
    const missing = await runCli(['types', 'no-such.postman_collection.json'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(
      /^\[postmock\] Failed to read the collection .*no-such\.postman_collection\.json/,
    )
  })
})
