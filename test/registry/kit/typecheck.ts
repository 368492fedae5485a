/** `tsc --noEmit` in a consumer project, with its diagnostics grouped by file. */
import { join, relative } from 'node:path'
import type { Consumer } from './consumer.js'
import { node24, tail } from './env.js'

/** What every type-check here holds users' code to: strict, and library declarations checked too. */
export const STRICT = { strict: true, skipLibCheck: false, noEmit: true } as const

export interface TypeCheck {
  /** Diagnostics by file, relative to the project folder (`readme/vitest/src/user.test.ts`, `node_modules/msw/…`). */
  byFile: Map<string, string[]>
  /** Diagnostics tsc printed without a file (bad options, a missing `types` entry…). */
  global: string[]
  ms: number
}

const DIAGNOSTIC = /^(.+?)\((\d+),(\d+)\): (error TS\d+: .*)$/

/**
 * Runs the consumer's own TypeScript on `tsconfig` (relative to the project folder). On Node 24 whatever the
 * project's runtime: what tsc reports does not depend on the Node running it, and Node 20 takes twice as long.
 */
export async function typeCheck(consumer: Consumer, tsconfig: string): Promise<TypeCheck> {
  const tsc = join(consumer.dir, 'node_modules/typescript/bin/tsc')
  const args = [tsc, '-p', tsconfig, '--pretty', 'false']
  const result = await consumer.run(node24().node, args, { timeoutMs: 170_000 })
  const byFile = new Map<string, string[]>()
  const global: string[] = []
  let last: string[] | undefined
  for (const line of result.stdout.split('\n')) {
    const match = DIAGNOSTIC.exec(line)
    if (match) {
      const file = relative(consumer.dir, join(consumer.dir, match[1] ?? ''))
      last = byFile.get(file) ?? []
      last.push(`${file}(${match[2]},${match[3]}): ${match[4]}`)
      byFile.set(file, last)
    } else if (/^error TS\d+/.test(line)) {
      global.push(line)
      last = undefined
    } else if (line.startsWith(' ') && last) {
      last[last.length - 1] += `\n${line}`
    }
  }
  if (result.code !== 0 && byFile.size === 0 && global.length === 0) {
    global.push(`tsc failed without diagnostics: ${tail(result)}`)
  }
  return { byFile, global, ms: result.ms }
}

/** The diagnostics of the files under `prefix` (a folder or a file, relative to the project; '' for all). */
export function diagnosticsUnder(check: TypeCheck, prefix: string): string[] {
  const found: string[] = [...check.global]
  for (const [file, messages] of check.byFile) {
    const under = !prefix || file === prefix || file.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)
    if (under) found.push(...messages)
  }
  return found
}
