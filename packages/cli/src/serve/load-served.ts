import { readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createPostmanMock, type PostmanMock, type PostmanMockOptions } from '@postmock/core'
import { loadCollection, loadEnvironment, loadPostmockConfig } from '@postmock/core/node'
import { cliError, usageError } from '../cli-error.js'
import { CONFIG_FILE_NAME } from '../config/postmock-config.js'
import { type CliIo, err, plural } from '../output/io.js'

/** The mock id a bare collection answers as, on this server's own host. */
export const DEFAULT_MOCK_ID = 'postmock'

/** What `serve` answers with. */
export interface Served {
  mock: PostmanMock
  /** What answers on this server's own host. */
  defaultHost: string
  /** One line per served mock, for the start-up banner. */
  banner: string[]
  /** A bare collection: its file, and the mock built again from a new version of it (`serve --record`). */
  collection?: { file: string; rebuild(collection: unknown): PostmanMock }
}

async function isConfigFile(path: string): Promise<boolean> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw cliError(
      `read ${path}`,
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'the file does not exist'
        : (error as Error).message,
      'Check the path',
    )
  }
  try {
    const parsed = JSON.parse(text) as { mocks?: unknown }
    return Array.isArray(parsed?.mocks)
  } catch {
    return false // loadCollection names the JSON error
  }
}

/** What a private mock accepts, for the banner (never the key itself). */
function keyRule(apiKeys: string[] | undefined): string {
  return apiKeys
    ? 'calls need x-api-key with the key given'
    : 'calls need an x-api-key header, any value (pass --api-key to require one)'
}

function countRequests(mock: PostmanMock): string {
  const requests = new Set(mock.examples.map((example) => `${example.folders.join('/')}/${example.request}`))
    .size
  return `${plural(requests, 'request')}, ${plural(mock.examples.length, 'example')}`
}

/**
 * Loads what `serve <source>` answers with: a collection (with `--environment`), a
 * `postmock.config.json`, or a folder holding one. The mock keeps no call log (a server that runs for
 * days must not grow with its calls); each call goes to `onCall` with the request it answers.
 *
 * @example
 * const served = await loadServed('postman', { port: '3000' }, io, (call, request) => log(call, request))
 */
export async function loadServed(
  source: string,
  values: Record<string, string | boolean | undefined>,
  io: CliIo,
  onCall: NonNullable<PostmanMockOptions['onCall']>,
): Promise<Served> {
  let path = resolve(io.cwd, source)
  if ((await stat(path).catch(() => undefined))?.isDirectory()) path = join(path, CONFIG_FILE_NAME)
  const apiKey = (values['api-key'] as string | undefined) ?? io.env.POSTMAN_API_KEY
  const apiKeys = apiKey ? [apiKey] : undefined
  const onWarning = (warning: { message: string }) => err(io, warning.message)
  const recording = { callLog: 0, onCall }

  if (await isConfigFile(path)) {
    if (values.environment)
      throw usageError('serve', 'a postmock.config.json names its own environments; drop --environment')
    if (values.private)
      throw usageError('serve', 'a postmock.config.json sets "private" per mock; drop --private')
    const config = await loadPostmockConfig(path)
    const ids = config.mocks.map((entry) => entry.id)
    const chosen = (values.mock as string | undefined) ?? ids[0]
    if (!chosen || !ids.includes(chosen)) {
      throw usageError(
        'serve',
        `--mock ${chosen} is not in ${source} (it has: ${ids.join(', ') || 'no mocks'})`,
      )
    }
    const mock = createPostmanMock(config, { apiKeys, onWarning, ...recording })
    const banner = config.mocks.map(
      (entry) =>
        `https://${entry.id}.mock.pstmn.io${entry.private ? ` (private: ${keyRule(apiKeys)})` : ''}${entry.id === chosen ? " ← this server's own host" : ''}`,
    )
    return { mock, defaultHost: `${chosen}.mock.pstmn.io`, banner }
  }

  if (values.mock && !/^[a-z0-9-]+$/i.test(values.mock as string)) {
    throw usageError('serve', `--mock ${values.mock} is not a valid mock id (one DNS label)`)
  }
  const collection = await loadCollection(path)
  const environment = values.environment
    ? await loadEnvironment(resolve(io.cwd, values.environment as string))
    : undefined
  const build = (source: unknown) =>
    createPostmanMock(source, {
      ...(environment ? { environment } : {}),
      private: values.private === true,
      apiKeys,
      onWarning,
      ...recording,
    })
  const mock = build(collection)
  const id = (values.mock as string | undefined) ?? DEFAULT_MOCK_ID
  return {
    mock,
    defaultHost: `${id}.mock.pstmn.io`,
    collection: { file: path, rebuild: build },
    banner: [
      `https://${id}.mock.pstmn.io (${countRequests(mock)}${values.private ? `; private: ${keyRule(apiKeys)}` : ''}); any <id>.mock.pstmn.io Host too`,
    ],
  }
}
