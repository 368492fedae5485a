import { resolve } from 'node:path'
import { usageError } from '../cli-error.js'
import { parseCommandLine } from '../command-line.js'
import { type CliIo, out } from '../output/io.js'
import { visible } from '../output/visible.js'
import { generateTypes } from '../types/generate-types.js'
import { TYPES_HELP } from './help-texts.js'

const options = {
  out: { type: 'string', short: 'o' },
  environment: { type: 'string', short: 'e' },
  help: { type: 'boolean', short: 'h' },
} as const

/** The file `postmock types` writes when `-o` is left out. */
export const DEFAULT_TYPES_FILE = 'postman.d.ts'

/**
 * `postmock types`: a declaration file that gives `use()`, `calls()`, `unused()` and `explain()` the
 * collections' request names, `METHOD /path` forms, example names and saved codes.
 */
export async function typesCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine('types', argv, options)
  if (values.help) {
    out(io, TYPES_HELP)
    return 0
  }
  if (positionals.length === 0)
    throw usageError('types', 'it needs a collection or postmock.config.json file')
  const outFile = values.out ?? DEFAULT_TYPES_FILE
  if (!/\.d\.[cm]?ts$/.test(outFile)) {
    throw usageError('types', `--out must name a declaration file (.d.ts), got "${visible(outFile)}"`)
  }
  await generateTypes(io, {
    files: positionals.map((file) => resolve(io.cwd, file)),
    environment: values.environment ? resolve(io.cwd, values.environment) : undefined,
    out: resolve(io.cwd, outFile),
  })
  return 0
}
