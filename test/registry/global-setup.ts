/**
 * Packs the six public packages once per run with `pnpm pack` (which turns `workspace:*` into the real
 * versions, as `pnpm publish` does) into a scratch folder outside the workspace. The packages must be
 * built (scripts/test.sh runs setup.sh first). A failure is handed to the tests, which report it.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { ROOT } from './kit/env.js'
import { PACKAGES, type Packed, packageDir } from './kit/packages.js'

function pnpm(): string {
  const local = join(ROOT, '.tools/node_modules/.bin/pnpm')
  return existsSync(local) ? local : 'pnpm'
}

export default function setup(project: TestProject): () => void {
  const work = mkdtempSync(join(tmpdir(), 'postmock-registry-'))
  const tarballs = join(work, 'tarballs')
  mkdirSync(tarballs)
  const packed: Packed[] = []
  let packError: string | undefined
  try {
    for (const { dir, name } of PACKAGES) {
      if (!existsSync(join(packageDir(dir), 'dist')))
        throw new Error(`packages/${dir}/dist is missing: run pnpm run build`)
      const json = execFileSync(pnpm(), ['pack', '--json', '--pack-destination', tarballs], {
        cwd: packageDir(dir),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      const result = JSON.parse(json) as { filename: string; files: { path: string }[] }
      packed.push({
        name,
        dir,
        tarball: result.filename,
        files: result.files.map((file) => file.path),
        bytes: statSync(result.filename).size,
      })
    }
  } catch (error) {
    packError = (error as Error).message
  }
  project.provide('registry', { work, packed, ...(packError ? { packError } : {}) })
  return () => {
    if (process.env.KEEP_REGISTRY_WORK) return console.log(`[registry] kept ${work}`)
    // Some 600 MB of node_modules: removed in the background, so the run's end does not wait for the disk.
    spawn('rm', ['-rf', work], { detached: true, stdio: 'ignore' }).unref()
  }
}
