/** The recording options, read and checked once at setup: mode (the environment wins), targets, files. */
import { resolve } from 'node:path'
import type { RecordMode, RedactOptions } from '@postmock/core'
import type { PostmanSource, PostmanSourceEntry, SetupPostmanMocksOptions } from '../options.js'
import type { Runtime } from '../runtime.js'

/** What recording does (see `SetupPostmanMocksOptions.record`). */
export type { RecordMode }

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
    throw new runtime.core.PostmockError(
      'INVALID_OPTION',
      runtime.core.formatMessage(
        'read the record option',
        `source ${index + 1} is a parsed collection, and recording writes to the collection's file`,
        "Pass the collection's file path to setupPostmanMocks() (e.g. './testAPI.postman_collection.json')",
      ),
    )
  }
  const baseUrls = (entry?.baseUrls ?? options.baseUrls ?? []).map((url) =>
    runtime.core.readTargetUrl('baseUrls', url),
  )
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
  const choice = runtime.core.readRecordingOptions(options, process.env[runtime.core.RECORD_ENV])
  if (!choice) return undefined
  const { mode, recordTarget, redact } = choice
  const list: readonly PostmanSource[] = Array.isArray(sources) ? sources : [sources]
  const read = list.map((source, i) => sourceOf(runtime, source, options, i))
  if (!recordTarget && read.every((source) => !source.baseUrls.length))
    throw runtime.core.noRecordTargetError()
  return { mode, recordTarget, redact, sources: read }
}
