import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

function newestSource(): number {
  const files = readdirSync(join(packageDir, 'src'), { recursive: true, encoding: 'utf8' })
  return Math.max(...files.map((file) => statSync(join(packageDir, 'src', file)).mtimeMs))
}

function builtAt(): number {
  try {
    return statSync(join(packageDir, 'dist/index.mjs')).mtimeMs
  } catch {
    return 0
  }
}

/** The tests run the real bin, which imports dist: build it first when src is newer. */
export default function setup(): void {
  if (builtAt() >= newestSource()) return
  const tsdown = fileURLToPath(new URL('../../../node_modules/.bin/tsdown', import.meta.url))
  execFileSync(tsdown, [], { cwd: packageDir, stdio: ['ignore', 'ignore', 'inherit'] })
}
