import { readFileSync, rmSync } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type * as TS from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'
import { sampleProject } from './type-check-kit.js'

// The repo's TypeScript, as an editor's TypeScript server runs it.
const ts = createRequire(import.meta.url)('typescript') as typeof TS

const TEST_API = fileURLToPath(new URL('../../../examples/testAPI.postman_collection.json', import.meta.url))
const BOX = fileURLToPath(
  new URL('../../../test/fixtures/collections/box-platform.postman_collection.json', import.meta.url),
)

/** The text before the cursor (`|` marks it) in the sample. */
const SAMPLE = `import { setupPostmanMocks } from '@postmock/vitest'

const postman = setupPostmanMocks('./collection.json')
postman.use({ request: '|request|' })
postman.use({ request: 'Get user', example: '|example|' })
postman.use({ request: 'Get user', code: |code| })
postman.use({ request: 'Restore file', example: '|box-example|' })
postman.calls({ request: '|calls|' })
`

let dir = ''
let service: TS.LanguageService

beforeAll(async () => {
  dir = await sampleProject({ 'editor.ts': SAMPLE.replace(/\|[\w-]+\|/g, '') })
  await copyFile(TEST_API, join(dir, 'collection.json'))
  await copyFile(BOX, join(dir, 'box.json'))
  const generated = await runCli(['types', 'collection.json', 'box.json'], { cwd: dir })
  expect(generated.code).toBe(0)
  const config = ts.getParsedCommandLineOfConfigFile(
    join(dir, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
      },
    },
  )!
  const host: TS.LanguageServiceHost = {
    getCompilationSettings: () => config.options,
    getScriptFileNames: () => config.fileNames,
    getScriptVersion: () => '1',
    getScriptSnapshot: (file) =>
      ts.sys.fileExists(file) ? ts.ScriptSnapshot.fromString(readFileSync(file, 'utf8')) : undefined,
    getCurrentDirectory: () => dir,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
  }
  service = ts.createLanguageService(host)
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** What the editor offers at a marker of the sample, as its TypeScript server computes it. */
function completionsAt(marker: string): string[] {
  const before = SAMPLE.slice(0, SAMPLE.indexOf(`|${marker}|`)).replace(/\|[\w-]+\|/g, '')
  const file = join(dir, 'editor.ts')
  const completions = service.getCompletionsAtPosition(file, before.length, {})
  return (completions?.entries ?? []).map((entry) => entry.name).sort()
}

describe('editor completion with the generated postman.d.ts (testAPI and box-platform)', () => {
  it('offers the request names and their METHOD /path forms in use({ request })', () => {
    const offered = completionsAt('request')
    expect(offered).toEqual(
      expect.arrayContaining([
        '/users/1',
        'GET /users/1',
        'Get user',
        'Restore file',
        'POST /2.0/files/<string>',
      ]),
    )
    // testAPI's request and its 2 path forms, box-platform's 172 requests and 281 path forms: box-platform
    // has a "Get user" too, so 455 distinct names (use({ request: 'Get user' }) applies to both)
    expect(offered).toHaveLength(455)
  })

  it("offers that request's example names and saved codes, not the other requests'", () => {
    // "Get user" of both collections: testAPI's two examples and box-platform's one
    expect(completionsAt('example')).toEqual([
      'Get user OK',
      'Returns a single user object.\\n\\n[Some fields are optional](#user) and need to be explicitly\\nrequested using the [fields](#get-users-id--request--fields)\\nparameter.',
      'Unauthorized',
    ])
    expect(completionsAt('code')).toEqual(expect.arrayContaining(['200', '401']))
    expect(completionsAt('box-example')).toEqual([
      'Returns a file object when the file has been restored.',
      'Returns an error if the file is not in the trash.',
      'Returns an error if the user does not have access to the folder\\nthe file is being restored to, or the user does not have permission\\nto restore files from the trash.',
      'Returns an error if there is an file with the same name\\nin the folder the file is being restored to.',
    ])
  })

  it('offers request names only in calls({ request }), as recorded calls carry them', () => {
    const offered = completionsAt('calls')
    expect(offered).toContain('Get user')
    expect(offered).not.toContain('GET /users/1')
    expect(offered).toHaveLength(172)
  })
})
