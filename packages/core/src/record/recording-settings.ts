/**
 * The recording options every adapter reads the same way (`record`, `POSTMOCK_RECORD`, `recordTarget`,
 * `redact`), where a request's real answer comes from, and which requests go there. Pure: the
 * environment's value is passed in, so it runs in browsers too.
 */

import type { ExampleInfo, RecordedCall } from '../glossary.js'
import { postmockError } from '../messages.js'
import type { RecordedExchange, RedactOptions } from './types.js'

/** What recording does: `'missing'` saves answers no example gives; `'all'` refreshes every example. */
export type RecordMode = 'missing' | 'all'

/** The environment variable that turns recording on (or changes its mode) whatever the options say. */
export const RECORD_ENV = 'POSTMOCK_RECORD'

const MODES: readonly string[] = ['missing', 'all']

/**
 * The recording options as users write them (`setupPostmanMocks()`, `postmanFixtures()`).
 *
 * @example
 * const options: RecordingOptions = { record: 'missing', recordTarget: 'https://staging.api.example.com' }
 */
export interface RecordingOptions {
  record?: RecordMode | false
  recordTarget?: string
  redact?: RedactOptions
}

/** The checked recording options (see {@link readRecordingOptions}). */
export interface RecordingChoice {
  mode: RecordMode
  /** The real API behind `*.mock.pstmn.io`, without a trailing slash. */
  recordTarget: string | undefined
  redact: RedactOptions | undefined
}

function optionError(option: string, reason: string, fix: string): Error {
  return postmockError('INVALID_OPTION', `read the ${option} option`, reason, fix, option)
}

/**
 * Checks a real API's URL (`recordTarget`, a `baseUrls` entry, `serve --record`): an absolute http(s)
 * URL without query or fragment. Returns its origin and base path without a trailing slash.
 *
 * @example
 * readTargetUrl('recordTarget', 'https://staging.api.example.com/v1/') // 'https://staging.api.example.com/v1'
 */
export function readTargetUrl(option: string, value: unknown): string {
  let url: URL | undefined
  try {
    url = typeof value === 'string' ? new URL(value) : undefined
  } catch {}
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw optionError(
      option,
      `expected an absolute http(s) URL without query, got ${JSON.stringify(value)}`,
      "Write the real API's origin, with a base path if it has one, e.g. 'https://staging.api.example.com/v1'",
    )
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

/**
 * The recording mode: `POSTMOCK_RECORD` (passed as `fromEnv`) wins over the `record` option;
 * `undefined` when recording is off.
 *
 * @example
 * readRecordMode('missing', process.env.POSTMOCK_RECORD) // 'all' when POSTMOCK_RECORD=all
 */
export function readRecordMode(option: unknown, fromEnv: string | undefined): RecordMode | undefined {
  const env = fromEnv?.trim()
  if (env) {
    if (!MODES.includes(env))
      throw optionError(
        `${RECORD_ENV} environment`,
        `expected 'missing' or 'all', got '${env}'`,
        `Set ${RECORD_ENV}=missing or ${RECORD_ENV}=all, or unset it`,
      )
    return env as RecordMode
  }
  if (option === undefined || option === false) return undefined
  if (typeof option !== 'string' || !MODES.includes(option))
    throw optionError(
      'record',
      `expected 'missing' or 'all', got ${JSON.stringify(option)}`,
      "Pass record: 'missing' (save answers no example gives) or record: 'all' (refresh every example)",
    )
  return option as RecordMode
}

/**
 * Checks the `redact` option: `{ headers?, query?, jsonPaths? }`, each a list of strings.
 *
 * @example
 * readRedactOption({ headers: ['x-session'] }) // { headers: ['x-session'] }
 */
export function readRedactOption(redact: unknown): RedactOptions | undefined {
  if (redact === undefined) return undefined
  const fields = ['headers', 'query', 'jsonPaths']
  const value = redact as Record<string, unknown>
  const bad =
    !redact || typeof redact !== 'object' || Array.isArray(redact)
      ? 'redact'
      : [
          ...Object.keys(value)
            .filter((key) => !fields.includes(key))
            .map((key) => `redact.${key}`),
          ...fields
            .filter(
              (key) =>
                value[key] !== undefined &&
                (!Array.isArray(value[key]) ||
                  !(value[key] as unknown[]).every((item) => typeof item === 'string')),
            )
            .map((key) => `redact.${key}`),
        ][0]
  if (bad)
    throw optionError(
      bad,
      'expected { headers?: string[], query?: string[], jsonPaths?: string[] }',
      "Pass e.g. redact: { headers: ['x-session'], query: ['sig'], jsonPaths: ['$.token'] }",
    )
  return redact as RedactOptions
}

/**
 * Reads `record` (with `POSTMOCK_RECORD` winning), `recordTarget` and `redact`; `undefined` when
 * recording is off. `recordTarget` and `redact` are checked either way, so a typo shows at once.
 *
 * @example
 * const choice = readRecordingOptions({ record: 'missing', recordTarget: 'https://api.example.com' }, process.env.POSTMOCK_RECORD)
 */
export function readRecordingOptions(
  options: RecordingOptions,
  fromEnv: string | undefined,
): RecordingChoice | undefined {
  const mode = readRecordMode(options.record, fromEnv)
  const redact = readRedactOption(options.redact)
  const recordTarget =
    options.recordTarget === undefined ? undefined : readTargetUrl('recordTarget', options.recordTarget)
  return mode ? { mode, recordTarget, redact } : undefined
}

/**
 * The error for recording with nowhere to send requests: no `baseUrls` origin and no `recordTarget`.
 *
 * @example
 * if (!choice.recordTarget && !baseUrls.length) throw noRecordTargetError()
 */
export function noRecordTargetError(): Error {
  return optionError(
    'recordTarget',
    'recording needs a real API to send requests to, and no baseUrls origin (its own target) or recordTarget is set',
    "Pass recordTarget: 'https://staging.api.example.com' (the API behind *.mock.pstmn.io), or serve your app's origin with baseUrls",
  )
}

/** Where a request's real answer comes from: the real API's URL (`target`) and the request's URL on it. */
export interface RecordTarget {
  /** The real API (origin and base path, no trailing slash): what `recordExamples`' `target` takes. */
  target: string
  /** The URL to send the request to. */
  url: string
}

/**
 * The real URL behind a request to a served origin: the same URL under a `baseUrls` entry (its own
 * target), else the path below the mock's host under `recordTarget`; `undefined` when there is none.
 *
 * @example
 * recordTargetOf([], 'https://staging.api.example.com', 'https://abc.mock.pstmn.io/users/1')
 * // { target: 'https://staging.api.example.com', url: 'https://staging.api.example.com/users/1' }
 */
export function recordTargetOf(
  baseUrls: readonly string[],
  recordTarget: string | undefined,
  url: string,
): RecordTarget | undefined {
  const own = baseUrls.find(
    (base) => url === base || url.startsWith(`${base}/`) || url.startsWith(`${base}?`),
  )
  if (own) return { target: own, url }
  if (!recordTarget) return undefined
  const parsed = new URL(url)
  return { target: recordTarget, url: `${recordTarget}${parsed.pathname}${parsed.search}` }
}

/** The request's path below its real API's base path (what an example's saved path is compared with). */
function pathBelow(where: RecordTarget): string {
  const base = new URL(where.target).pathname.replace(/\/+$/, '')
  return new URL(where.url).pathname.slice(base.length) || '/'
}

/**
 * What recording does with a request the mock has answered (`call` is the call it recorded):
 * `undefined` keeps the mock's answer; an object sends the request to the real API, and — with
 * `'all'` — names the example the real answer refreshes (`replaces`). `'missing'` sends what no
 * example answers (Postman's not-found 404); `'all'` also sends what matched by scoring. Answers chosen
 * by a `use()` override, an `x-mock-response-*` header, a private mock's key check, a server response,
 * a call limit or a fault stay the mock's: they ask for a chosen example, not the API's. An example
 * saved for another path (`/users/1` answering `/users/7`) is not overwritten: the new answer is added
 * beside it.
 *
 * @example
 * const send = recordingDecision('all', call, mock.examples, where, request.url)
 * if (send) exchange.replaces = send.replaces
 */
export function recordingDecision(
  mode: RecordMode,
  call: RecordedCall | undefined,
  examples: readonly ExampleInfo[],
  where: RecordTarget | undefined,
  url: string,
): { replaces?: RecordedExchange['replaces'] } | undefined {
  if (!call || call.fault !== undefined) return undefined
  if (call.via === 'not-found') return {}
  if (mode !== 'all' || call.via !== 'score' || !call.example) return undefined
  const { location, name, id } = call.example
  const saved = examples.find((example) => example.location === location)?.path
  const own = saved === (where && pathBelow(where)) || saved === new URL(url).pathname
  return own ? { replaces: { location, name, ...(id === undefined ? {} : { id }) } } : {}
}
