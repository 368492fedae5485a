/**
 * Generated Vitest projects for the bench, under bench/.projects (gitignored). Node resolution walks up
 * from there to the repository's node_modules (vitest, msw); bench/.projects/node_modules links
 * @postmock/vitest to packages/vitest and undici to the copy test/interception installs, as an app's
 * node_modules would hold them.
 */
import { execFileSync, spawn } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { ROOT } from './modules.mjs'

export const PROJECTS = join(ROOT, 'bench/.projects')
export const VITEST = join(ROOT, 'node_modules/vitest/vitest.mjs')
/** The @postmock/vitest to bench; POSTMOCK_BENCH_VITEST may point at another build's package directory. */
const ADAPTER = process.env.POSTMOCK_BENCH_VITEST ?? join(ROOT, 'packages/vitest')
export const CLI_BIN = join(ROOT, 'packages/cli/bin/postmock.mjs')

/**
 * The config every generated project uses: the node environment, and the packages' builds loaded by
 * Node itself (externalized), as they are when installed in node_modules. Vitest would otherwise
 * transform them, because their real paths (packages/*\/dist) are outside node_modules. Vitest's
 * module cache (on by default) is kept in the project: in the repository's node_modules/.vitest-cache
 * it would outlive the project, and an entry is found by the test file's text, not by what its imports
 * resolve to (a run on another build of the adapters would be served the old resolution).
 */
const vitestConfig = (dir) => `export default {
  test: {
    include: ['*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
    server: { deps: { external: [/\\/packages\\/[^/]+\\/dist\\//] } },
    fsModuleCachePath: ${JSON.stringify(join(dir, '.vitest-cache'))},
  },
}
`

/** undici's directory (installed for test/interception), or undefined when it is not installed. */
function undiciDir() {
  try {
    const require = createRequire(join(ROOT, 'test/interception/package.json'))
    return realpathSync(dirname(require.resolve('undici/package.json')))
  } catch {
    return undefined
  }
}

/** Which adapters' build the projects load: the commit, and whether packages/ differ from it. */
function describeBuild() {
  if (process.env.POSTMOCK_BENCH_VITEST) return ADAPTER
  try {
    const git = (args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim()
    const dirty = git(['status', '--porcelain', '--', 'packages']) !== ''
    return `packages/*/dist built from ${git(['rev-parse', '--short', 'HEAD'])}${dirty ? ' with uncommitted changes in packages/' : ''}`
  } catch {
    return 'packages/*/dist'
  }
}

/** Checks the builds the projects load, and links bench/.projects/node_modules. Returns what is linked. */
export function prepareProjects() {
  for (const file of [join(ADAPTER, 'dist/index.mjs'), join(ROOT, 'packages/cli/dist/index.mjs')]) {
    if (!existsSync(file))
      throw new Error(`[postmock] Failed to run the bench: ${file} is missing. Run pnpm run build first.`)
  }
  const modules = join(PROJECTS, 'node_modules')
  rmSync(modules, { recursive: true, force: true })
  mkdirSync(join(modules, '@postmock'), { recursive: true })
  symlinkSync(ADAPTER, join(modules, '@postmock/vitest'), 'dir')
  const undici = undiciDir()
  if (undici) symlinkSync(undici, join(modules, 'undici'), 'dir')
  const version = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
  return {
    adapters: describeBuild(),
    undici: undici ? version(undici) : undefined,
    vitest: version(dirname(VITEST)),
  }
}

/** Writes a project (its files, replacing an older copy) and returns its directory. */
export function writeProject(name, files) {
  const dir = join(PROJECTS, name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  for (const [file, text] of Object.entries({ 'vitest.config.mjs': vitestConfig(dir), ...files }))
    writeFileSync(join(dir, file), text)
  return dir
}

/** A named pipe (FIFO) at `path`, for the lock-step between the bench and a test. */
export function makeFifo(path) {
  rmSync(path, { force: true })
  execFileSync('mkfifo', [path])
  return path
}

/**
 * Runs `node vitest.mjs run <args>` in `dir` under bash, whose `times` builtin then prints the CPU
 * time of every process bash waited for: Vitest and, through it, its workers (getrusage's
 * RUSAGE_CHILDREN counts all descendants that were waited for). Output goes to `dir/<logName>`.
 * Resolves with { code, wall, cpu, user, sys, log } (ms), never rejects; `exited` is the same promise.
 */
export function runVitest(dir, args, { env = {}, logName = 'vitest.log' } = {}) {
  const log = join(dir, logName)
  const fd = openSync(log, 'w')
  const started = performance.now()
  const script = '"$@" >"$POSTMOCK_BENCH_LOG" 2>&1; status=$?; times; exit $status'
  const child = spawn('bash', ['-c', script, 'bash', process.execPath, VITEST, 'run', ...args], {
    cwd: dir,
    env: {
      ...process.env,
      ...env,
      POSTMOCK_BENCH_LOG: log,
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      CI: 'true',
    },
    stdio: ['ignore', 'pipe', fd],
  })
  closeSync(fd)
  let stdout = ''
  child.stdout.on('data', (chunk) => {
    stdout += chunk
  })
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const wall = performance.now() - started
      // `times` prints two lines: the shell's own user/sys time, then its children's.
      const children = stdout.trim().split('\n').at(-1) ?? ''
      const [user, sys] = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(
        (m) => (Number(m[1]) * 60 + Number(m[2])) * 1000,
      )
      resolve({ code, wall, user, sys, cpu: user + sys, log: readFileSync(log, 'utf8') })
    })
  })
}

/** The end of a Vitest log, for an error message. */
export function tail(log, lines = 40) {
  return log.trim().split('\n').slice(-lines).join('\n')
}
