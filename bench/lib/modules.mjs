/**
 * Resolves what the bench needs from the repository without making bench/ a workspace package:
 * @postmock/core from packages/core/dist, msw from the root (a root devDependency), esbuild from the
 * pnpm store.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const CORE_DIR = join(ROOT, 'packages/core')
/** The core build to bench; POSTMOCK_BENCH_CORE may point at another build (to compare a change). */
export const CORE_ENTRY = process.env.POSTMOCK_BENCH_CORE ?? join(CORE_DIR, 'dist/index.mjs')

const rootRequire = createRequire(join(ROOT, 'package.json'))
const coreRequire = createRequire(join(CORE_DIR, 'package.json'))

function packageDir(require, name) {
  return realpathSync(dirname(require.resolve(`${name}/package.json`)))
}

function version(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
}

/** Builds core with tsdown (a fresh clone has no dist/), on this Node. */
function buildCore() {
  process.stdout.write('packages/core/dist is missing: building core (tsdown)…\n')
  const tsdown = join(ROOT, 'node_modules/.bin/tsdown')
  try {
    execFileSync(tsdown, [], {
      cwd: CORE_DIR,
      stdio: 'inherit',
      env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}` },
    })
  } catch {
    throw new Error(
      '[postmock] Failed to build core for the bench. Run pnpm --filter @postmock/core run build and read its errors.',
    )
  }
  if (!existsSync(CORE_ENTRY))
    throw new Error(`[postmock] Failed to build core for the bench: ${CORE_ENTRY} is still missing.`)
}

/** Loads core (built, or built now) and msw, and checks they share one msw copy (handlers must come from the same msw). */
export async function loadModules() {
  if (!existsSync(CORE_ENTRY)) buildCore()
  const rootMsw = packageDir(rootRequire, 'msw')
  const coreMsw = packageDir(coreRequire, 'msw')
  if (rootMsw !== coreMsw) {
    throw new Error(
      `[postmock] Failed to run the bench: core uses msw at ${coreMsw}, the bench ${rootMsw}. Run pnpm install.`,
    )
  }
  const core = await import(pathToFileURL(CORE_ENTRY).href)
  const msw = await import(pathToFileURL(rootRequire.resolve('msw')).href)
  const mswNode = await import(pathToFileURL(rootRequire.resolve('msw/node')).href)
  return { core, msw, mswNode, mswVersion: version(rootMsw) }
}

/** esbuild from the pnpm store (a transitive dependency of vite/vitest), or `undefined`. */
export async function loadEsbuild() {
  const store = join(ROOT, 'node_modules/.pnpm')
  const entry = readdirSync(store)
    .filter((name) => /^esbuild@\d/.test(name))
    .sort()
    .at(-1)
  if (!entry) return undefined
  const dir = join(store, entry, 'node_modules/esbuild')
  const esbuild = await import(
    pathToFileURL(createRequire(join(dir, 'package.json')).resolve('esbuild')).href
  )
  return { esbuild: esbuild.default ?? esbuild, version: version(dir) }
}
