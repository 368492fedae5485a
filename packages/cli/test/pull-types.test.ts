import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { IDS } from './fake-postman-api.js'
import { usePullKit } from './pull-kit.js'
import { runCli } from './run-cli.js'

const kit = usePullKit()
const { pull } = kit

/** The command line in a generated file's header. */
function regenerateLine(text: string): string {
  return /run again: (.*)\n/.exec(text)![1]!
}

describe('postmock pull --types', () => {
  it('writes the typed names of the pulled collection (with its environment) beside the pull', async () => {
    const result = await pull([
      '--collection',
      'testAPI',
      '--environment',
      'testAPIEnv',
      '--types',
      'test/postman.d.ts',
    ])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      '[postmock] Wrote test/postman.d.ts: 1 collection, 1 request (2 path forms), 2 examples.\n',
    )
    const text = await readFile(join(kit.dir, 'test/postman.d.ts'), 'utf8')
    expect(text).toContain('\n// testAPI: 1 request, 2 examples\n')
    expect(text).toContain('\n    "request:Get user": { "Get user OK": 200; "Unauthorized": 401 }\n')
    expect(text).toContain('\n    "path:GET /users/1": { "Get user OK": 200; "Unauthorized": 401 }\n')
    const command = regenerateLine(text)
    expect(command).toBe(
      'postmock types collections/testAPI.postman_collection.json -e environments/testAPIEnv.postman_environment.json -o test/postman.d.ts',
    )
    // the header's command, run offline, writes the same file
    const again = await runCli(command.split(' ').slice(1), { cwd: kit.dir })
    expect(again.code).toBe(0)
    expect(await readFile(join(kit.dir, 'test/postman.d.ts'), 'utf8')).toBe(text)
  })

  it('with --mock registers every mock of postmock.config.json, and a second pull updates the file', async () => {
    expect((await pull(['--mock', IDS.publicMock, '--types', 'postman.d.ts'])).code).toBe(0)
    const first = await readFile(join(kit.dir, 'postman.d.ts'), 'utf8')
    expect(first).toContain(`\n// testAPI mock (${IDS.publicMock}): 1 request, 2 examples\n`)
    expect(regenerateLine(first)).toBe('postmock types postmock.config.json -o postman.d.ts')

    const result = await pull(['--mock', IDS.privateMock, '--types', 'postman.d.ts'])
    expect(result.code).toBe(0)
    // both mocks serve testAPI: the same names, so 1 distinct request and 2 path forms
    expect(result.stdout).toContain(
      '[postmock] Wrote postman.d.ts: 2 collections, 1 request (2 path forms), 4 examples.\n',
    )
    const second = await readFile(join(kit.dir, 'postman.d.ts'), 'utf8')
    expect(second).toContain(
      `\n// testAPI mock (${IDS.publicMock}): 1 request, 2 examples\n// private testAPI (${IDS.privateMock}): 1 request, 2 examples\n`,
    )
  })

  it('refuses a --types file that is not a .d.ts before calling the API', async () => {
    const result = await pull(['--collection', 'testAPI', '--types', 'postman.ts'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      '[postmock] Failed to run postmock pull: --types must name a declaration file (.d.ts), got "postman.ts". See postmock pull --help.\n',
    )
    expect(kit.api.requests).toEqual([])
  })
})
