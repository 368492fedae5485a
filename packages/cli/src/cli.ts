import { readFileSync } from 'node:fs'
import { CliError } from './cli-error-class.js'
import { MAIN_HELP } from './commands/help-texts.js'
import { type CliIo, err, out, processIo } from './output/io.js'

// Loaded on demand: `pull` and `--help` do not load the matcher.
const commands: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  pull: async (argv, io) => (await import('./commands/pull.js')).pullCommand(argv, io),
  serve: async (argv, io) => (await import('./commands/serve.js')).serveCommand(argv, io),
  inspect: async (argv, io) => (await import('./commands/inspect.js')).inspectCommand(argv, io),
  coverage: async (argv, io) => (await import('./commands/coverage.js')).coverageCommand(argv, io),
  push: async (argv, io) => (await import('./commands/push.js')).pushCommand(argv, io),
  verify: async (argv, io) => (await import('./commands/verify.js')).verifyCommand(argv, io),
  types: async (argv, io) => (await import('./commands/types.js')).typesCommand(argv, io),
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    return pkg.version
  } catch {
    return 'unknown'
  }
}

/**
 * Runs the `postmock` command line and resolves with its exit code. Errors are printed as one
 * `[postmock]` line on stderr, never as a stack trace.
 *
 * @example
 * process.exitCode = await main(['inspect', 'testAPI.postman_collection.json', '--json'])
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      const topic = command === 'help' ? rest[0] : undefined
      if (topic && commands[topic]) return await commands[topic](['--help'], io)
      out(io, MAIN_HELP)
      return command === undefined ? 2 : 0
    }
    if (command === '--version' || command === '-v') {
      out(io, version())
      return 0
    }
    const run = commands[command]
    if (!run) {
      err(
        io,
        `[postmock] Unknown command "${command}". Commands: ${Object.keys(commands).join(', ')}. See postmock --help.`,
      )
      return 2
    }
    return await run(rest, io)
  } catch (error) {
    if (error instanceof CliError) {
      err(io, error.message)
      return error.exitCode
    }
    const message = (error as Error)?.message ?? String(error)
    err(io, message.startsWith('[postmock]') ? message : `[postmock] ${message}`)
    return 1
  }
}
