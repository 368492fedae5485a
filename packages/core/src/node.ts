/**
 * @postmock/core/node: reading collections, environments and postmock configs from files (Node only).
 */
import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { parseJsonText } from './collection/read-collection.js'
import type { PostmanEnvironment } from './glossary.js'
import { postmockError } from './messages.js'
import { isPostmockConfig, type PostmockConfig } from './mock/config.js'

async function readJsonFile(
  path: string,
  what: 'collection' | 'environment' | 'postmock config',
): Promise<unknown> {
  const absolute = resolve(path)
  let text: string
  try {
    text = await readFile(absolute, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw postmockError(
      'FILE_NOT_FOUND',
      `read the ${what} file ${absolute}`,
      code === 'ENOENT' ? 'no such file' : `${code ?? 'error'}: ${(error as Error).message}`,
      `Check the path (relative paths resolve from ${process.cwd()})`,
      path,
    )
  }
  try {
    return parseJsonText(text, what === 'environment' ? 'environment' : 'collection')
  } catch (error) {
    if (error instanceof Error)
      error.message = error.message.replace('Failed to read the', `Failed to read ${absolute} as the`)
    throw error
  }
}

/**
 * Reads a collection from a file path (relative to the current directory); anything else is returned as is.
 *
 * @example
 * const collection = await loadCollection('./testAPI.postman_collection.json')
 * const postman = createPostmanMock(collection)
 */
export async function loadCollection(source: unknown): Promise<unknown> {
  if (typeof source === 'string' && !source.trimStart().startsWith('{'))
    return readJsonFile(source, 'collection')
  return source
}

/**
 * Reads an environment export from a file path; a parsed environment is returned as is.
 *
 * @example
 * const environment = await loadEnvironment('./testAPIEnv.postman_environment.json')
 */
export async function loadEnvironment(
  source: PostmanEnvironment | string | undefined,
): Promise<PostmanEnvironment | string | undefined> {
  if (typeof source === 'string' && !source.trimStart().startsWith('{')) {
    return (await readJsonFile(source, 'environment')) as PostmanEnvironment
  }
  return source
}

/**
 * Reads a `postmock.config.json` (as `postmock pull --mock` writes it) and the collection and
 * environment files it names (relative to the config file), ready for `createPostmanMock()`.
 *
 * @example
 * const postman = createPostmanMock(await loadPostmockConfig('./postman/postmock.config.json'))
 */
export async function loadPostmockConfig(path: string): Promise<PostmockConfig> {
  const config = await readJsonFile(path, 'postmock config')
  if (!isPostmockConfig(config)) {
    throw postmockError(
      'INVALID_CONFIG',
      `read the postmock config ${resolve(path)}`,
      'mocks: expected an array of { id, collection, environment?, private?, config? }',
      'Write it with `postmock pull --mock <id>`',
      'mocks',
    )
  }
  const base = dirname(resolve(path))
  const mocks = await Promise.all(
    config.mocks.map(async (mock, i) => {
      if (typeof mock?.collection !== 'string') {
        throw postmockError(
          'INVALID_CONFIG',
          `read the postmock config ${resolve(path)}`,
          `mocks[${i}].collection: expected a path to a collection file`,
          'Write it with `postmock pull --mock <id>`',
          `mocks[${i}].collection`,
        )
      }
      return {
        ...mock,
        collection: await readJsonFile(resolve(base, mock.collection), 'collection'),
        environment:
          typeof mock.environment === 'string'
            ? ((await readJsonFile(resolve(base, mock.environment), 'environment')) as PostmanEnvironment)
            : mock.environment,
      }
    }),
  )
  return { mocks }
}

/**
 * Reads any source: a postmock config path, a collection path, or an already parsed value.
 *
 * @example
 * const source = await loadSource('./postmock.config.json')
 */
export async function loadSource(source: unknown): Promise<unknown> {
  if (typeof source === 'string' && !source.trimStart().startsWith('{')) {
    const value = await readJsonFile(source, 'collection')
    if (isPostmockConfig(value)) return loadPostmockConfig(source)
    return value
  }
  return source
}

export { type CoveragePrinter, CoverageRun } from './example-coverage/coverage-run.js'
export {
  COVERAGE_DIR_ENV,
  type CoverageOutcome,
  coverageOptionsOf,
  coverageTestLabel,
  endCoverageRun,
  finishCoverage,
  readCoverageFiles,
  startCoverageRun,
  writeCoverageFragment,
} from './example-coverage/run-files.js'

export type { FileLockOptions } from './file-lock.js'
export { withFileLock } from './file-lock.js'
export { type RecordFileOptions, type RecordFileResult, recordIntoFile } from './record-file.js'
