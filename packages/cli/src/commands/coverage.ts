import { resolve } from 'node:path'
import { finishCoverage, readCoverageFiles } from '@postmock/core/node'
import { CliError, usageError } from '../cli-error.js'
import { parseCommandLine } from '../command-line.js'
import { type CliIo, err, out } from '../output/io.js'
import { COVERAGE_HELP } from './help-texts.js'

const options = {
  threshold: { type: 'string' },
  json: { type: 'string' },
  markdown: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

function thresholdOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
    throw usageError('coverage merge', `--threshold takes a percentage from 0 to 100, got "${text}"`)
  }
  return value
}

/**
 * `postmock coverage merge a.json b.json … [--threshold N] [--json out] [--markdown out]`: one report
 * from the `postmock-coverage.json` of sharded runs. Exit 0, 1 below the threshold, 2 on a wrong
 * command line or a file that is not a report.
 */
export async function coverageCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine('coverage', argv, options)
  const [action, ...files] = positionals
  if (values.help || action === undefined) {
    out(io, COVERAGE_HELP)
    return values.help ? 0 : 2
  }
  if (action !== 'merge') throw usageError('coverage', `unknown action "${action}" (the one action is merge)`)
  if (files.length === 0)
    throw usageError('coverage merge', 'it needs the postmock-coverage.json files to merge')
  const threshold = thresholdOf(values.threshold)
  let outcome: ReturnType<typeof finishCoverage>
  try {
    const inputs = readCoverageFiles(files.map((file) => resolve(io.cwd, file)))
    outcome = finishCoverage(
      inputs.map((input, i) => ({ ...input, source: files[i]! })),
      { threshold, json: values.json ?? false, markdown: values.markdown ?? false },
      io.env,
      io.cwd,
    )
  } catch (error) {
    // A missing or foreign file is the command line's fault (2), never taken for a threshold not met (1).
    throw new CliError((error as Error).message, 2)
  }
  for (const line of outcome.text.trimEnd().split('\n')) out(io, line)
  if (!outcome.failure) return 0
  err(io, '')
  for (const line of outcome.failure.split('\n')) err(io, line)
  return 1
}
