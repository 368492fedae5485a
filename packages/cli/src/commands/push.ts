import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { plainHttpWarning } from '../api/api-url.js'
import { createPostmanApi } from '../api/postman-api.js'
import { fetchCollection } from '../api/postman-resources.js'
import { CliError } from '../cli-error.js'
import { palette } from '../output/colours.js'
import { type CliIo, err, out } from '../output/io.js'
import { renderTable } from '../output/table.js'
import { visible } from '../output/visible.js'
import { maskedError, maskedIo } from '../pull/masked-output.js'
import { apiKeysIn } from '../pull/pull-options.js'
import { applyPlan } from '../push/apply-plan.js'
import { bareId } from '../push/collection-tree.js'
import { type PushSettings, readPushArgs } from '../push/push-options.js'
import { type PlanRow, pushPlan } from '../push/push-plan.js'
import { PUSH_HELP } from './help-texts.js'

const ACTION_WORDS = { create: 'created', update: 'updated', 'create-request': 'created request' } as const

async function readLocal(path: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : `${code ?? 'error'}`
    throw new CliError(`[postmock] Failed to read the collection file ${path}: ${reason}. Check the path.`, 2)
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new CliError(
      `[postmock] Failed to read the collection file ${path}: it is not valid JSON (${(error as Error).message}). Fix it, or pull it again.`,
      2,
    )
  }
}

function summary(plan: readonly PlanRow[], dryRun: boolean): string {
  const count = (test: (row: PlanRow) => boolean) => plan.filter(test).length
  const creates = count((row) => row.action === 'create')
  const updates = count((row) => row.action === 'update')
  const unchanged = count((row) => row.reason === 'unchanged')
  const newRequests = count((row) => row.action === 'create-request')
  const missing = new Set(
    plan.filter((row) => row.reason.startsWith('request not in Postman')).map((row) => row.request),
  )
  const parts = [
    `${creates} ${dryRun ? 'to create' : 'created'}`,
    `${updates} ${dryRun ? 'to update' : 'updated'}`,
    `${unchanged} unchanged`,
  ]
  if (newRequests > 0) parts.push(`${newRequests} new request${newRequests === 1 ? '' : 's'}`)
  if (missing.size > 0) {
    parts.push(
      `${missing.size} request${missing.size === 1 ? '' : 's'} not in Postman, skipped (--create-requests creates them)`,
    )
  }
  return `${dryRun ? 'Plan' : 'Pushed'}: ${parts.join(', ')}.`
}

async function push(settings: PushSettings, io: CliIo): Promise<number> {
  const colours = palette(io)
  const warnings = palette(io, 'stderr')
  const warning = settings.apiUrlSource && plainHttpWarning(settings.apiUrl, settings.apiUrlSource)
  if (warning) err(io, warning, warnings.yellow)
  const local = await readLocal(resolve(io.cwd, settings.file))
  const api = createPostmanApi({
    apiKey: settings.apiKey,
    apiUrl: settings.apiUrl,
    timeoutMs: settings.timeoutMs,
    onRetry: ({ method, path, waitMs, attempt }) =>
      err(
        io,
        `[postmock] The Postman API is rate limiting (429) ${method} ${path.split('?')[0]}; retry ${attempt} in ${(waitMs / 1000).toFixed(1)} s.`,
        warnings.yellow,
      ),
  })
  const remote = await fetchCollection(api, settings.collection)
  const collectionId =
    bareId(remote.info?._postman_id) ??
    bareId(remote.info?.uid) ??
    bareId(settings.collection) ??
    settings.collection
  const plan = pushPlan(local, remote, { createRequests: settings.createRequests })
  const rows = plan.map((row) => [
    visible(row.request),
    visible(row.example),
    row.action === 'skip' ? colours.dim(row.action) : colours.bold(row.action),
    visible(row.reason),
  ])
  // padded columns even off a terminal: tabs would be shown escaped by the masked output
  const padded = { ...colours, enabled: true }
  for (const line of renderTable(['REQUEST', 'EXAMPLE', 'ACTION', 'REASON'], rows, padded)) out(io, line)
  out(io, '')
  if (!settings.dryRun) {
    await applyPlan(api, collectionId, plan, ({ row, id }) => {
      const what = row.example
        ? `"${visible(row.request)} / ${visible(row.example)}"`
        : `"${visible(row.request)}"`
      out(
        io,
        `[postmock] ${ACTION_WORDS[row.action as keyof typeof ACTION_WORDS]} ${what}${id ? ` (${visible(id)})` : ''}`,
      )
    })
  }
  out(io, summary(plan, settings.dryRun))
  return 0
}

/**
 * `postmock push`: uploads the examples of a local collection file that are new or changed compared
 * with the collection in Postman. Every line it prints, errors included, has the API key masked.
 */
export async function pushCommand(argv: string[], processIo: CliIo): Promise<number> {
  const io = maskedIo(processIo, apiKeysIn(argv, processIo.env))
  try {
    const settings = readPushArgs(argv, io)
    if (settings.help) {
      out(io, PUSH_HELP)
      return 0
    }
    return await push(settings, io)
  } catch (error) {
    throw maskedError(error, io)
  }
}
