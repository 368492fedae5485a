import type { PostmockWarning } from '@postmock/core'
import { type CliIo, err, out, plural } from '../output/io.js'
import { shownPath } from '../pull/write-json.js'
import { loadNames } from './load-names.js'
import { regenerateCommand } from './regenerate-command.js'
import { writeDeclarations } from './write-declarations.js'

/** What one generation reads and writes (absolute paths). */
export interface TypesJob {
  files: readonly string[]
  environment: string | undefined
  out: string
}

/**
 * Loads the sources with core, writes the declaration file and prints what it registered (one line
 * on stdout; load warnings on stderr). Shared by `postmock types` and `postmock pull --types`.
 *
 * @example
 * await generateTypes(io, { files: ['/app/testAPI.json'], environment: undefined, out: '/app/postman.d.ts' })
 */
export async function generateTypes(io: CliIo, job: TypesJob): Promise<void> {
  const warnings: PostmockWarning[] = []
  const names = await loadNames(
    { files: job.files, ...(job.environment ? { environment: job.environment } : {}) },
    (warning) => warnings.push(warning),
  )
  for (const warning of warnings) err(io, warning.message)
  const command = regenerateCommand(io.cwd, job.files, job.environment, job.out)
  const summary = await writeDeclarations(job.out, names, command)
  out(
    io,
    `[postmock] Wrote ${shownPath(io, job.out)}: ${plural(summary.collections, 'collection')}, ` +
      `${plural(summary.requests, 'request')} (${plural(summary.paths, 'path form')}), ${plural(summary.examples, 'example')}.`,
  )
}
