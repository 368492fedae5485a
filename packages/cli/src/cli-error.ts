import { formatMessage } from '@postmock/core'
import { CliError } from './cli-error-class.js'

export { CliError }

/** A failure, in the house format: `[postmock] Failed to <verb> <object>: <reason>. <what to do>.` (exit 1). */
export function cliError(failed: string, reason: string, todo?: string): CliError {
  return new CliError(formatMessage(failed, reason, todo), 1)
}

/** A wrong command line (exit 2). */
export function usageError(command: string, reason: string): CliError {
  return new CliError(formatMessage(`run postmock ${command}`, reason, `See postmock ${command} --help`), 2)
}
