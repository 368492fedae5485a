/** The recording options, read and checked once at setup: mode (the environment wins), targets, files. */
import { resolve } from 'node:path'
import type { RedactOptions } from '@postmock/core'
import type { PostmanSource, PostmanSourceEntry, SetupPostmanMocksOptions } from '../options.js'
import type { Runtime } from '../runtime.js'

/** What recording does (see `SetupPostmanMocksOptions.record`). */
export type RecordMode = 'missing' | 'all'

/** The environment variable that turns recording on (or changes its mode) whatever the options say. */
export const RECORD_ENV = 'POSTMOCK_RECORD'

const MODES: readonly string[] = ['missing', 'all']

/** Where one source records: its file, and the real API behind each origin it serves. */
export interface RecordingSource {
  /** The collection file (absolute). */
  file: string
  /** `baseUrls` entries (each its own target), without a trailing slash. */
  baseUrls: string[]
}

/** The checked recording settings of a session. */
export interface RecordingSettings {
  mode: RecordMode
  /** The real API behind `*.mock.pstmn.io`, without a trailing slash. */
  recordTarget: string | undefined
  redact: RedactOptions | undefined
  /** One per source, in the order of the sources. */
  sources: RecordingSource[]
}

function optionError(runtime: Runtime, option: string, reason: string, fix: string): Error {
  return new runtime.core.PostmockError(
    'INVALID_OPTION',
    runtime.core.formatMessage(`read the ${option} option`, reason, fix),
  )
}

function httpUrl(runtime: Runtime, option: string, value: unknown): string {
  let url: URL | undefined
  try {
    url = typeof value === 'string' ? new URL(value) : undefined
  } catch {}
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw optionError(
      runtime,
      option,
      `expected an absolute http(s) URL without query, got ${JSON.stringify(value)}`,
      "Write the real API's origin, with a base path if it has one, e.g. 'https://staging.api.example.com/v1'",
    )
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

function modeOf(runtime: Runtime, options: SetupPostmanMocksOptions): RecordMode | undefined {
  const fromEnv = process.env[RECORD_ENV]?.trim()
  if (fromEnv) {
    if (!MODES.includes(fromEnv))
      throw optionError(
        runtime,
        `${RECORD_ENV} environment`,
        `expected 'missing' or 'all', got '${fromEnv}'`,
        `Set ${RECORD_ENV}=missing or ${RECORD_ENV}=all, or unset it`,
      )
    return fromEnv as RecordMode
  }
  const mode = options.record
  if (mode === undefined || mode === false) return undefined
  if (typeof mode !== 'string' || !MODES.includes(mode))
    throw optionError(
      runtime,
      'record',
      `expected 'missing' or 'all', got ${JSON.stringify(mode)}`,
      "Pass record: 'missing' (save answers no example gives) or record: 'all' (refresh every example)",
    )
  return mode as RecordMode
}

function redactOf(runtime: Runtime, redact: unknown): RedactOptions | undefined {
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
      runtime,
      bad,
      'expected { headers?: string[], query?: string[], jsonPaths?: string[] }',
      "Pass e.g. redact: { headers: ['x-session'], query: ['sig'], jsonPaths: ['$.token'] }",
    )
  return redact as RedactOptions
}

function isEntry(source: PostmanSource): source is PostmanSourceEntry {
  return !!source && typeof source === 'object' && 'collection' in source && !('item' in source)
}

function sourceOf(
  runtime: Runtime,
  source: PostmanSource,
  options: SetupPostmanMocksOptions,
  index: number,
): RecordingSource {
  const entry = isEntry(source) ? source : undefined
  const collection = entry ? entry.collection : source
  if (typeof collection !== 'string' || collection.trimStart().startsWith('{')) {
    throw optionError(
      runtime,
      'record',
      `source ${index + 1} is a parsed collection, and recording writes to the collection's file`,
      "Pass the collection's file path to setupPostmanMocks() (e.g. './testAPI.postman_collection.json')",
    )
  }
  const baseUrls = (entry?.baseUrls ?? options.baseUrls ?? []).map((url) => httpUrl(runtime, 'baseUrls', url))
  return { file: resolve(process.cwd(), collection), baseUrls }
}

/**
 * Reads the recording options; `undefined` when recording is off. Throws one `[postmock]` message
 * naming the option that is wrong (`record`, `recordTarget`, `redact.*`, `POSTMOCK_RECORD`).
 *
 * @example
 * const settings = recordingSettings(runtime, './testAPI.json', { baseUrls: ['https://staging.api.example.com'], record: 'missing' })
 */
export function recordingSettings(
  runtime: Runtime,
  sources: PostmanSource | readonly PostmanSource[],
  options: SetupPostmanMocksOptions,
): RecordingSettings | undefined {
  const mode = modeOf(runtime, options)
  const redact = redactOf(runtime, options.redact)
  const recordTarget =
    options.recordTarget === undefined ? undefined : httpUrl(runtime, 'recordTarget', options.recordTarget)
  if (!mode) return undefined
  const list: readonly PostmanSource[] = Array.isArray(sources) ? sources : [sources]
  const read = list.map((source, i) => sourceOf(runtime, source, options, i))
  if (!recordTarget && read.every((source) => !source.baseUrls.length)) {
    throw optionError(
      runtime,
      'recordTarget',
      'recording needs a real API to send requests to, and no baseUrls origin (its own target) or recordTarget is set',
      "Pass recordTarget: 'https://staging.api.example.com' (the API behind *.mock.pstmn.io), or serve your app's origin with baseUrls",
    )
  }
  return { mode, recordTarget, redact, sources: read }
}

/**
 * The real URL behind a request to a served origin: the same URL under a `baseUrls` entry (its own
 * target), else the path below the mock's host under `recordTarget`; `undefined` when there is none.
 *
 * @example
 * targetOf(source, 'https://staging.api.example.com', 'https://abc.mock.pstmn.io/users/1') // 'https://staging.api.example.com/users/1'
 */
export function targetOf(
  source: RecordingSource,
  recordTarget: string | undefined,
  url: string,
): { target: string; url: string } | undefined {
  const own = source.baseUrls.find(
    (base) => url === base || url.startsWith(`${base}/`) || url.startsWith(`${base}?`),
  )
  if (own) return { target: own, url }
  if (!recordTarget) return undefined
  const parsed = new URL(url)
  return { target: recordTarget, url: `${recordTarget}${parsed.pathname}${parsed.search}` }
}
