/** Recorded exchanges into a collection file: locked, re-read, merged, written atomically in the file's own layout. */
import { randomUUID } from 'node:crypto'
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { parseJsonText } from './collection/read-collection.js'
import { type FileLockOptions, withFileLock } from './file-lock.js'
import { postmockError } from './messages.js'
import { formatJson, jsonLayoutOf } from './record/json-format.js'
import { recordExamples } from './record/record-examples.js'
import type { RecordChange, RecordedExchange, RecordOptions } from './record/types.js'

/**
 * Options of {@link recordIntoFile}: where and how examples land ({@link RecordOptions}), and how long
 * to wait for another process writing the same file.
 *
 * @example
 * const options: RecordFileOptions = { target: 'https://staging.api.example.com', lock: { timeoutMs: 120_000 } }
 */
export interface RecordFileOptions extends RecordOptions {
  lock?: FileLockOptions
}

/** What {@link recordIntoFile} did. */
export interface RecordFileResult {
  /** The absolute path of the collection file. */
  path: string
  /** One entry per exchange, in order. */
  changes: RecordChange[]
  /** Whether the file was written (`false` when every answer was already saved). */
  written: boolean
}

/** Writes `text` next to `path` and renames it over `path`: readers see the old file or the new one, never half. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`)
  const mode = await stat(path).then(
    (info) => info.mode & 0o777,
    () => undefined,
  )
  try {
    await writeFile(temporary, text, mode === undefined ? undefined : { mode })
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

/**
 * Records exchanges into a collection file (see `recordExamples` for where they land): takes the
 * file's lock (other processes recording into it wait), reads the file as it is now, puts the
 * exchanges in, and — when something changed — writes it through a temporary file renamed over it,
 * in the file's own indent, line endings and final newline (key order kept). Parallel workers lose
 * nothing; a run that stops half-way leaves the file as it was.
 *
 * @example
 * import { recordIntoFile } from '@postmock/core/node'
 * const { written, changes } = await recordIntoFile('./testAPI.postman_collection.json', exchanges, {
 *   target: 'https://staging.api.example.com',
 * })
 */
export async function recordIntoFile(
  path: string,
  exchanges: readonly RecordedExchange[],
  options: RecordFileOptions = {},
): Promise<RecordFileResult> {
  const absolute = resolve(path)
  if (!exchanges.length) return { path: absolute, changes: [], written: false }
  const { lock, ...recordOptions } = options
  return withFileLock(
    absolute,
    async () => {
      let text: string
      try {
        text = await readFile(absolute, 'utf8')
      } catch (error) {
        throw postmockError(
          'FILE_NOT_FOUND',
          `record into ${absolute}`,
          (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message,
          'Record into an existing collection file (an empty one is {"info":{"name":"API","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[]})',
        )
      }
      const bom = text.startsWith('\uFEFF') ? '\uFEFF' : ''
      const body = bom ? text.slice(1) : text
      const result = recordExamples(parseJsonText(body, 'collection'), exchanges, recordOptions)
      if (result.changed)
        await writeAtomically(absolute, bom + formatJson(result.collection, jsonLayoutOf(body)))
      return { path: absolute, changes: result.changes, written: result.changed }
    },
    lock,
  )
}
