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

/** tsc in a child process: 2–7 s a project on this 2-core machine as its load varied, the 20 s default too close. */
const TSC_RUN = { timeout: 90_000 }

describe('postmock types + tsc --noEmit on each adapter API', TSC_RUN, () => {
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
    expect(file).toContain('\n// testAPI: 1 request, 2 examples\n')
    expect(file).toContain('\n    "request:Get user": { "Get user OK": 200; "Unauthorized": 401 }\n')
    expect(file).toContain('\n    "path:GET /users/1": { "Get user OK": 200; "Unauthorized": 401 }\n')
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

/** 3,000 requests (GET or POST /r<i>/x), each with "OK <i>" (200) and "Fail" (400 + i % 100). */
function bigCollection(): string {
  const item = Array.from({ length: 3000 }, (_, i) => {
    const url = {
      raw: `https://api.example.com/r${i}/x`,
      host: ['api', 'example', 'com'],
      path: [`r${i}`, 'x'],
    }
    const method = i % 2 ? 'GET' : 'POST'
    const example = (name: string, code: number) => ({
      name,
      originalRequest: { method, url },
      code,
      body: '',
    })
    return {
      name: `Request ${i}`,
      request: { method, url },
      response: [example(`OK ${i}`, 200), example('Fail', 400 + (i % 100))],
    }
  })
  const schema = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
  return JSON.stringify({ info: { name: 'big', schema }, item })
}

describe('postmock types: several files', TSC_RUN, () => {
  it('the files of two runs merge in one program; each request keeps its own examples and codes', async () => {
    const petstore = fileURLToPath(
      new URL(
        '../../../test/fixtures/collections/microcks-petstore-v1.postman_collection.json',
        import.meta.url,
      ),
    )
    const prelude = `import { createPostmanMock } from '@postmock/core'\n\nconst postman = createPostmanMock('{}')\n`
    const dir = await sampleProject({
      'good.ts': `${prelude}postman.use({ request: 'Get user', code: 401 }, { request: 'findById 1 (404)', code: 404 })\n`,
      'bad.ts': `${prelude}postman.use({ request: 'findById 2', code: 404 })\n`,
    })
    folders.push(dir)
    await copyFile(TEST_API, join(dir, 'testAPI.json'))
    await copyFile(petstore, join(dir, 'petstore.json'))
    expect((await runCli(['types', 'testAPI.json', '-o', 'types/testapi.d.ts'], { cwd: dir })).code).toBe(0)
    expect((await runCli(['types', 'petstore.json', '-o', 'types/petstore.d.ts'], { cwd: dir })).code).toBe(0)
    const { diagnostics } = await typeCheck(dir)
    expect(diagnosticsOf(diagnostics, 'good.ts')).toEqual([])
    expect(diagnosticsOf(diagnostics, 'bad.ts').map((d) => d.message)).toEqual([
      `Argument of type '{ request: "findById 2"; code: 404; }' is not assignable to parameter of type 'MockOverride'.\n` +
        `  Types of property 'code' are incompatible.\n    Type '404' is not assignable to type '200'.`,
    ])
    expect(diagnostics).toHaveLength(1)
  })
})

describe('postmock types at scale', () => {
  // 9,000 names (3,000 requests, 6,000 path forms): each check is one indexed access into the
  // register's maps, so failing statements cost about what passing ones do (a shape that walked every
  // name per member took minutes here, past this test's timeout)
  it('3,000 requests: right names pass, each kind of typo fails', { timeout: 120_000 }, async () => {
    const statements = {
      good: `postman.use({ request: 'Request 2999', code: 499 }, { request: 'GET /r17/x', example: 'OK 17' })
  postman.calls({ request: 'Request 5', status: 405 })`,
      request: `postman.use({ request: 'Requestt 5' })`,
      example: `postman.use({ request: 'Request 5', example: 'OK 6' })`,
      code: `postman.use({ request: 'Request 2999', code: 498 })`,
      calls: `postman.calls({ request: 'Request 5', status: 406 })`,
    }
    const files = Object.fromEntries(
      Object.entries(statements).map(([name, statement]) => [
        `${name}.ts`,
        `import { createPostmanMock } from '@postmock/core'\n\nconst postman = createPostmanMock('{}')\n${statement}\n`,
      ]),
    )
    const dir = await sampleProject({ ...files, 'big.json': bigCollection() })
    folders.push(dir)
    const generated = await runCli(['types', 'big.json'], { cwd: dir })
    expect(generated.stdout).toBe(
      '[postmock] Wrote postman.d.ts: 1 collection, 3000 requests (6000 path forms), 6000 examples.\n',
    )
    const { diagnostics } = await typeCheck(dir)
    expect(diagnosticsOf(diagnostics, 'good.ts')).toEqual([])
    const only = (file: string) => {
      const found = diagnosticsOf(diagnostics, file)
      expect(found, file).toHaveLength(1)
      return found[0]!.message
    }
    expect(only('request.ts')).toContain(
      `Type '"Requestt 5"' is not assignable to type '"Request 0" | "Request 1" |`,
    )
    expect(only('example.ts')).toContain(
      `Type '"OK 6"' is not assignable to type '"OK 5" | "Fail" | undefined'`,
    )
    expect(only('code.ts')).toContain(`Type '498' is not assignable to type '`)
    expect(only('calls.ts')).toContain(`Type '406' is not assignable to type '`)
    expect(diagnostics).toHaveLength(4)
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
