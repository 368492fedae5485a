/**
 * Fresh npm projects outside the workspace, as a user makes them: `npm init -y` (so `"type":
 * "commonjs"`), then `npm install` of the packed tarballs and the public packages a README names, run
 * by the runtime's own Node so that npm checks engines against it.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  binDir,
  consumerEnv,
  EXAMPLES,
  type RunOptions,
  type RunResult,
  type Runtime,
  run,
  type Started,
  start,
  tail,
} from './env.js'
import { registry } from './packages.js'

export const COLLECTION = 'testAPI.postman_collection.json'
export const ENVIRONMENT = 'testAPIEnv.postman_environment.json'

export interface Consumer {
  dir: string
  runtime: Runtime
  /** Runs a command in the project (or a folder of it) with the runtime first on PATH. */
  run(
    command: string,
    args: string[],
    options?: Partial<RunOptions> & { extraEnv?: Record<string, string> },
  ): Promise<RunResult>
  /** Starts a long-running command (a server) in the project. */
  start(
    command: string,
    args: string[],
    options?: Partial<RunOptions> & { extraEnv?: Record<string, string> },
  ): Started
  /** The version npm installed of a package, read from its package.json. */
  installed(name: string): string
  /** The `resolved` field of every package-lock entry whose name matches. */
  resolved(match: (name: string) => boolean): Record<string, string>
}

export interface ConsumerOptions {
  engineStrict?: boolean
}

/** Writes files (paths relative to `dir`), creating their folders. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), text)
  }
}

/** The seed scenario's collection and environment (examples/), as a user has them beside their tests. */
export function copyFixtures(dir: string): void {
  mkdirSync(dir, { recursive: true })
  for (const file of [COLLECTION, ENVIRONMENT]) copyFileSync(join(EXAMPLES, file), join(dir, file))
}

/**
 * Creates `<work>/<runtime>-<name>` with `npm init -y` and installs `specs` (tarball paths and
 * `name@range` of public packages) with `npm install --prefer-offline --no-audit --no-fund`. Throws with
 * npm's output when the install fails.
 */
export async function createConsumer(
  name: string,
  rt: Runtime,
  specs: string[],
  options: ConsumerOptions = {},
): Promise<Consumer> {
  const dir = join(registry().work, `${rt.id}-${name}`)
  mkdirSync(dir, { recursive: true })
  const bin = binDir(registry().work, rt)
  const runOptions = (opts: Partial<RunOptions> & { extraEnv?: Record<string, string> }): RunOptions => ({
    cwd: opts.cwd ?? dir,
    env: opts.env ?? consumerEnv(bin, opts.extraEnv),
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  })
  const consumer: Consumer = {
    dir,
    runtime: rt,
    run: (command, args, opts = {}) => run(command, args, runOptions(opts)),
    start: (command, args, opts = {}) => start(command, args, runOptions(opts)),
    installed: (pkg) =>
      (
        JSON.parse(readFileSync(join(dir, 'node_modules', pkg, 'package.json'), 'utf8')) as {
          version: string
        }
      ).version,
    resolved: (match) => {
      const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as {
        packages: Record<string, { resolved?: string }>
      }
      const found: Record<string, string> = {}
      for (const [path, entry] of Object.entries(lock.packages)) {
        const pkg = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
        if (path && match(pkg)) found[path] = entry.resolved ?? '(no resolved field)'
      }
      return found
    },
  }
  const init = await consumer.run('npm', ['init', '-y'])
  if (init.code !== 0) throw new Error(`[registry] npm init -y failed in ${dir}\n${tail(init)}`)
  const flags = [
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    ...(options.engineStrict ? ['--engine-strict'] : []),
  ]
  const install = await consumer.run('npm', ['install', ...flags, ...specs], { timeoutMs: 420_000 })
  if (install.code !== 0) {
    throw new Error(
      `[registry] npm install ${flags.join(' ')} failed in ${dir} (${rt.version})\n${tail(install)}`,
    )
  }
  return consumer
}
