import {
  PostmockError,
  RECORD_ENV,
  type RecordMode,
  type RedactOptions,
  readRecordMode,
  readTargetUrl,
  recordExamples,
} from '@postmock/core'
import { usageError } from '../cli-error.js'
import { wholeNumber } from './serve-options.js'

/** What `serve --record` does: the real API, the mode, what is redacted, how long the API may take. */
export interface RecordSettings {
  /** The real API (origin and base path, no trailing slash). */
  target: string
  mode: RecordMode
  redact: RedactOptions | undefined
  /** How long the real API may take to answer (0: no limit). */
  timeoutMs: number
}

/** The `parseArgs` options behind {@link RecordSettings}. */
export const RECORD_OPTIONS = {
  record: { type: 'string' },
  'record-mode': { type: 'string' },
  'record-timeout': { type: 'string' },
  'redact-header': { type: 'string', multiple: true },
  'redact-query': { type: 'string', multiple: true },
  'redact-json': { type: 'string', multiple: true },
} as const

/** The default of `--record-timeout`: as long as `--request-timeout` gives a client to send its request. */
export const RECORD_TIMEOUT_MS = 30_000

type Values = Record<string, string | boolean | string[] | undefined>

function redactOf(values: Values): RedactOptions | undefined {
  const list = (flag: string) => (values[flag] as string[] | undefined) ?? []
  const redact: RedactOptions = {
    ...(list('redact-header').length ? { headers: list('redact-header') } : {}),
    ...(list('redact-query').length ? { query: list('redact-query') } : {}),
    ...(list('redact-json').length ? { jsonPaths: list('redact-json') } : {}),
  }
  if (!Object.keys(redact).length) return undefined
  try {
    // core reads the JSON paths when it records; an empty recording checks them now
    recordExamples({ item: [] }, [], { redact })
  } catch (error) {
    if (!(error instanceof PostmockError)) throw error
    const bad = /cannot read ("[^"]*")/.exec(error.message)?.[1] ?? ''
    throw usageError(
      'serve',
      `--redact-json ${bad} is not a JSON path (write $.key, $.list[0].key, $.list[*].key, $['odd key'] or $..key)`,
    )
  }
  return redact
}

/**
 * Reads `--record <target>` and the flags that go with it; `undefined` without `--record`.
 * `POSTMOCK_RECORD` in the environment wins over `--record-mode`, as it wins over the adapters'
 * `record` option. A flag of recording without `--record`, a target that is not an http(s) URL or a
 * mode that is neither `missing` nor `all` is a usage error.
 *
 * @example
 * recordSettings({ record: 'https://staging.api.example.com' }, process.env) // { target, mode: 'missing', … }
 */
export function recordSettings(values: Values, env: NodeJS.ProcessEnv): RecordSettings | undefined {
  const target = values.record as string | undefined
  if (target === undefined) {
    const stray = Object.keys(RECORD_OPTIONS).find((flag) => flag !== 'record' && values[flag] !== undefined)
    if (stray) throw usageError('serve', `--${stray} needs --record <target> (the real API to record from)`)
    return undefined
  }
  let url: string
  try {
    url = readTargetUrl('--record', target)
  } catch {
    throw usageError(
      'serve',
      `--record ${target} is not an absolute http(s) URL without query (e.g. https://staging.api.example.com/v1)`,
    )
  }
  const flag = (values['record-mode'] as string | undefined) ?? 'missing'
  if (flag !== 'missing' && flag !== 'all')
    throw usageError('serve', `--record-mode ${flag} is neither missing nor all`)
  const mode = readRecordMode(flag, env[RECORD_ENV]) ?? flag
  const timeoutMs = wholeNumber(
    'record-timeout',
    values['record-timeout'] as string | undefined,
    RECORD_TIMEOUT_MS,
    0,
  )
  return { target: url, mode, redact: redactOf(values), timeoutMs }
}
