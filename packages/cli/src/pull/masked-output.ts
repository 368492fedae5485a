import { CliError } from '../cli-error.js'
import type { CliIo } from '../output/io.js'
import { maskSecrets } from '../output/mask-secret.js'
import { visible } from '../output/visible.js'

/**
 * The io `pull` prints through: every line has the API keys masked (`PMAK-…e8f9`) and control
 * characters shown escaped, whatever the Postman API echoed into it.
 */
export function maskedIo(io: CliIo, secrets: readonly string[]): CliIo {
  const before = io.filter
  const filter = (line: string) =>
    visible(maskSecrets(before ? before(line) : line, secrets), { keepNewlines: true })
  return { ...io, filter }
}

/** The same error with its message passed through the io's filter (the CLI prints it as is). */
export function maskedError(error: unknown, io: CliIo): unknown {
  const filter = io.filter
  if (!filter || !(error instanceof Error)) return error
  if (error instanceof CliError) return new CliError(filter(error.message), error.exitCode)
  const masked = new Error(filter(error.message))
  masked.name = error.name
  return masked
}
