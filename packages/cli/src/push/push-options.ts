import { type ApiUrlSource, readApiUrl } from '../api/api-url.js'
import { DEFAULT_API_URL, DEFAULT_TIMEOUT_MS } from '../api/postman-api.js'
import { cliError, usageError } from '../cli-error.js'
import { oneFile, parseCommandLine } from '../command-line.js'
import type { CliIo } from '../output/io.js'
import { numberOption } from '../verify/number-option.js'
import { MAX_TIMEOUT_MS } from '../verify/verify-options.js'

const options = {
  collection: { type: 'string', short: 'c' },
  'dry-run': { type: 'boolean' },
  'create-requests': { type: 'boolean' },
  'api-key': { type: 'string' },
  'api-url': { type: 'string' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

/** What `postmock push` was asked to do. */
export interface PushSettings {
  help: false
  /** The local collection file. */
  file: string
  /** The collection in Postman: its uid, id or name. */
  collection: string
  dryRun: boolean
  createRequests: boolean
  apiKey: string
  apiUrl: string
  apiUrlSource: ApiUrlSource | undefined
  timeoutMs: number
}

/** Reads and checks `push`'s command line; `{ help: true }` for `--help`. */
export function readPushArgs(argv: string[], io: CliIo): PushSettings | { help: true } {
  const { values, positionals } = parseCommandLine('push', argv, options)
  if (values.help) return { help: true }
  const file = oneFile('push', positionals)
  if (!values.collection)
    throw usageError('push', 'it needs --collection <uid|name>, the collection in Postman')
  const timeoutMs = numberOption('push', '--timeout', values.timeout, DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS)
  const apiKey = values['api-key'] ?? io.env.POSTMAN_API_KEY ?? ''
  if (!apiKey) {
    throw cliError(
      'push to the Postman API',
      'no API key was given',
      'Set POSTMAN_API_KEY (Postman: Settings > API keys); --api-key <key> works too, but shows in the process list',
    )
  }
  const apiUrlSource: ApiUrlSource | undefined =
    values['api-url'] !== undefined ? '--api-url' : io.env.POSTMAN_API_URL ? 'POSTMAN_API_URL' : undefined
  return {
    help: false,
    file,
    collection: values.collection,
    dryRun: values['dry-run'] === true,
    createRequests: values['create-requests'] === true,
    apiKey,
    apiUrl: apiUrlSource
      ? readApiUrl((values['api-url'] ?? io.env.POSTMAN_API_URL)!, apiUrlSource, 'push')
      : DEFAULT_API_URL,
    apiUrlSource,
    timeoutMs,
  }
}
