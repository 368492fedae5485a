import { parseArgs } from 'node:util'
import { type ApiUrlSource, readApiUrl } from '../api/api-url.js'
import { DEFAULT_API_URL, DEFAULT_TIMEOUT_MS } from '../api/postman-api.js'
import { cliError, usageError } from '../cli-error.js'
import type { CliIo } from '../output/io.js'
import { visible } from '../output/visible.js'

const options = {
  collection: { type: 'string', short: 'c' },
  environment: { type: 'string', short: 'e' },
  mock: { type: 'string', short: 'm' },
  out: { type: 'string', short: 'o' },
  types: { type: 'string' },
  'api-key': { type: 'string' },
  'api-url': { type: 'string' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

/** What `postmock pull` was asked to do. */
export interface PullSettings {
  help: false
  collection: string | undefined
  environment: string | undefined
  mock: string | undefined
  out: string
  /** `--types <file>`: write the declaration file of what was pulled there (relative to the working folder). */
  types: string | undefined
  apiKey: string
  apiUrl: string
  apiUrlSource: ApiUrlSource | undefined
  timeoutMs: number
}

/** The largest delay a Node timer takes. */
const MAX_TIMEOUT_MS = 2_147_483_647

function readTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS
  const ms = /^\d+$/.test(value) ? Number(value) : Number.NaN
  if (ms >= 1 && ms <= MAX_TIMEOUT_MS) return ms
  throw usageError(
    'pull',
    `--timeout takes milliseconds, a whole number from 1 to ${MAX_TIMEOUT_MS} (got "${visible(value)}")`,
  )
}

/**
 * Every API key this command line may carry, before it is parsed (so that even a parse error never
 * prints one): each `--api-key` value and `$POSTMAN_API_KEY`.
 */
export function apiKeysIn(argv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const keys = env.POSTMAN_API_KEY ? [env.POSTMAN_API_KEY] : []
  argv.forEach((arg, i) => {
    if (arg === '--api-key' && argv[i + 1] !== undefined) keys.push(argv[i + 1]!)
    else if (arg.startsWith('--api-key=')) keys.push(arg.slice('--api-key='.length))
  })
  return keys
}

/** Reads and checks `pull`'s command line; `{ help: true }` for `--help`. */
export function readPullArgs(argv: string[], io: CliIo): PullSettings | { help: true } {
  let values: ReturnType<typeof parseArgs<{ options: typeof options; args: string[] }>>['values']
  try {
    ;({ values } = parseArgs({ args: argv, options, allowPositionals: false }))
  } catch (error) {
    throw usageError('pull', (error as Error).message)
  }
  if (values.help) return { help: true }
  if (!values.collection && !values.mock)
    throw usageError('pull', 'it needs --collection <uid|name> or --mock <mockId>')
  if (values.collection && values.mock)
    throw usageError('pull', '--collection and --mock cannot be used together')
  if (values.mock && values.environment) {
    throw usageError(
      'pull',
      "--environment cannot be used with --mock (the mock's own environment is pulled)",
    )
  }
  if (values.types !== undefined && !/\.d\.[cm]?ts$/.test(values.types)) {
    throw usageError('pull', `--types must name a declaration file (.d.ts), got "${visible(values.types)}"`)
  }
  const timeoutMs = readTimeout(values.timeout)
  const apiKey = values['api-key'] ?? io.env.POSTMAN_API_KEY ?? ''
  if (!apiKey) {
    throw cliError(
      'pull from the Postman API',
      'no API key was given',
      'Set POSTMAN_API_KEY (Postman: Settings > API keys); --api-key <key> works too, but shows in the process list',
    )
  }
  const apiUrlSource: ApiUrlSource | undefined =
    values['api-url'] !== undefined ? '--api-url' : io.env.POSTMAN_API_URL ? 'POSTMAN_API_URL' : undefined
  const apiUrl = apiUrlSource
    ? readApiUrl((values['api-url'] ?? io.env.POSTMAN_API_URL)!, apiUrlSource)
    : DEFAULT_API_URL
  return {
    help: false,
    collection: values.collection,
    environment: values.environment,
    mock: values.mock,
    out: values.out ?? '.',
    types: values.types,
    apiKey,
    apiUrl,
    apiUrlSource,
    timeoutMs,
  }
}
