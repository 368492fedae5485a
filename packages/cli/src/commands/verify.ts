import { resolve } from 'node:path'
import { compareAnswer, type ExampleToVerify, examplesToVerify, type PostmockWarning } from '@postmock/core'
import { loadCollection, loadEnvironment } from '@postmock/core/node'
import { CliError } from '../cli-error.js'
import { palette } from '../output/colours.js'
import { type CliIo, err, out } from '../output/io.js'
import { maskedTarget } from '../serve/masked-target.js'
import { runPool } from '../verify/run-pool.js'
import { requestUrl, sendSavedRequest } from '../verify/send-saved-request.js'
import { readVerifyArgs, type VerifySettings } from '../verify/verify-options.js'
import {
  type ExampleVerdict,
  exitCodeOf,
  summarise,
  summaryLine,
  verdictFrame,
  verdictLine,
} from '../verify/verify-report.js'
import { VERIFY_HELP } from './help-texts.js'

function warningLine(warning: PostmockWarning): string {
  return warning.message.startsWith('[postmock]') ? warning.message : `[postmock] ${warning.message}`
}

/** Reads the collection and environment; a file that cannot be read is a usage error (exit 2). */
async function readExamples(settings: VerifySettings, io: CliIo): Promise<ExampleToVerify[]> {
  try {
    const collection = await loadCollection(resolve(io.cwd, settings.collection))
    const environment = settings.environment
      ? await loadEnvironment(resolve(io.cwd, settings.environment))
      : undefined
    const read = examplesToVerify(collection, environment ? { environment } : {})
    const yellow = palette(io, 'stderr').yellow
    for (const warning of read.warnings) err(io, warningLine(warning), yellow)
    return read.examples
  } catch (error) {
    if (error instanceof CliError) throw error
    throw new CliError((error as Error).message, 2)
  }
}

async function verifyOne(item: ExampleToVerify, settings: VerifySettings): Promise<ExampleVerdict> {
  const frame = verdictFrame(item.example)
  const none = { url: undefined, actualStatus: undefined, differences: [] }
  const { request } = item
  if (!settings.methods.has(request.method)) {
    const reason = `${request.method} is not sent (only ${[...settings.methods].join(', ')}; see --methods)`
    return { ...frame, ...none, verdict: 'skip', reason }
  }
  if (request.unsendable) return { ...frame, ...none, verdict: 'skip', reason: request.unsendable }
  const url = requestUrl(settings.baseUrl, request)
  const outcome = await sendSavedRequest(url, request, settings.headers, settings.timeoutMs)
  const shownUrl = maskedTarget(url)
  if (outcome.kind === 'error')
    return { ...frame, ...none, url: shownUrl, verdict: 'error', reason: outcome.reason }
  const result = compareAnswer(
    item.answer,
    { ...outcome, method: request.method },
    {
      allowExtraKeys: settings.allowExtraKeys,
    },
  )
  return {
    ...frame,
    url: shownUrl,
    verdict: result.ok ? 'ok' : 'drift',
    actualStatus: outcome.status,
    differences: result.differences,
    reason: undefined,
  }
}

/**
 * `postmock verify`: sends each example's saved request to the real API and compares the answer with
 * the example (status, Content-Type family, JSON shape). Exit 0 when all agree, 1 on drift, 2 on a
 * wrong command line or an unreadable file, 3 when an example could not be sent (network, timeout).
 */
export async function verifyCommand(argv: string[], io: CliIo): Promise<number> {
  const settings = readVerifyArgs(argv)
  if (settings.help) {
    out(io, VERIFY_HELP)
    return 0
  }
  const examples = await readExamples(settings, io)
  const colours = palette(io)
  const verdicts = await runPool(
    examples,
    settings.concurrency,
    (item) => verifyOne(item, settings),
    (verdict) => {
      if (!settings.json) out(io, verdictLine(verdict, colours))
    },
  )
  const summary = summarise(verdicts)
  const exitCode = exitCodeOf(summary)
  if (settings.json) {
    out(io, JSON.stringify({ baseUrl: settings.baseUrl, summary, exitCode, results: verdicts }, null, 2))
  } else {
    out(io, '')
    out(io, summaryLine(summary, settings.baseUrl, colours))
  }
  return exitCode
}
