/** Reading a command's arguments, with the one usage error every command gives for a wrong line. */
import { type ParseArgsConfig, parseArgs } from 'node:util'
import { usageError } from './cli-error.js'

type Options = NonNullable<ParseArgsConfig['options']>

/**
 * `parseArgs` with positionals allowed; an unknown or malformed option becomes `postmock <command>`'s
 * usage error (exit 2).
 *
 * @example
 * const { values, positionals } = parseCommandLine('inspect', argv, { json: { type: 'boolean' } })
 */
export function parseCommandLine<const T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true })
  } catch (error) {
    throw usageError(command, (error as Error).message)
  }
}

/**
 * The one file a command takes, or its usage error: `it needs <what>` when none is given, `it takes
 * one file` when more are.
 *
 * @example
 * const file = oneFile('verify', positionals)
 */
export function oneFile(command: string, positionals: string[], what = 'a collection file'): string {
  if (positionals.length !== 1) {
    throw usageError(
      command,
      positionals.length === 0 ? `it needs ${what}` : `it takes one file, got ${positionals.length}`,
    )
  }
  return positionals[0]!
}
