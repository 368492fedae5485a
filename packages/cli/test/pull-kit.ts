import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { API_KEY, type FakePostmanApi, startFakePostmanApi } from './fake-postman-api.js'
import { type CliResult, runCli } from './run-cli.js'

/** Every file under `root`, as full paths. */
export async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

export async function readJson<T = Record<string, unknown>>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T
}

/** A fake Postman API for the file, a fresh folder for each test, and `pull` run into it. */
export interface PullKit {
  readonly api: FakePostmanApi
  readonly dir: string
  /** `postmock pull --api-url <target> --out <dir> …args`, with `POSTMAN_API_KEY` unless `env` says otherwise. */
  pull(args: string[], env?: Record<string, string | undefined>, target?: { url: string }): Promise<CliResult>
}

/**
 * Registers the hooks of a `pull` test file. After each test it checks that the key reached no file
 * (name or contents) and no line printed.
 */
export function usePullKit(): PullKit {
  let api: FakePostmanApi | undefined
  let dir = ''
  const outputs: CliResult[] = []
  const kit: PullKit = {
    get api() {
      return api!
    },
    get dir() {
      return dir
    },
    async pull(args, env = { POSTMAN_API_KEY: API_KEY }, target = api!) {
      const result = await runCli(['pull', '--api-url', target.url, '--out', dir, ...args], { cwd: dir, env })
      outputs.push(result)
      return result
    },
  }
  beforeAll(async () => {
    api = await startFakePostmanApi()
  })
  afterAll(async () => {
    await api?.close()
  })
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'postmock-pull-'))
    api!.requests.length = 0
    outputs.length = 0
  })
  afterEach(async () => {
    for (const file of await filesUnder(dir)) {
      expect(file).not.toContain(API_KEY)
      expect(await readFile(file, 'utf8'), file).not.toContain(API_KEY)
    }
    for (const output of outputs) {
      expect(output.stdout).not.toContain(API_KEY)
      expect(output.stderr).not.toContain(API_KEY)
    }
    await rm(dir, { recursive: true, force: true })
  })
  return kit
}
