import { readFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { plainHttpWarning } from '../api/api-url.js'
import { createPostmanApi } from '../api/postman-api.js'
import {
  fetchCollection,
  fetchEnvironment,
  fetchMock,
  fetchServerResponse,
} from '../api/postman-resources.js'
import { cliError } from '../cli-error.js'
import {
  CONFIG_FILE_NAME,
  mergeConfig,
  normaliseMockConfig,
  type PostmockConfigFile,
} from '../config/postmock-config.js'
import { palette } from '../output/colours.js'
import { type CliIo, err, out } from '../output/io.js'
import { visible } from '../output/visible.js'
import { maskedError, maskedIo } from '../pull/masked-output.js'
import { apiKeysIn, type PullSettings, readPullArgs } from '../pull/pull-options.js'
import { saveCollection, saveEnvironment } from '../pull/save-resources.js'
import { shownPath, type Writer, writeJson } from '../pull/write-json.js'
import { generateTypes } from '../types/generate-types.js'
import { PULL_HELP } from './help-texts.js'

async function readConfig(path: string): Promise<PostmockConfigFile | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return undefined
  }
  try {
    const parsed = JSON.parse(text) as PostmockConfigFile
    return Array.isArray(parsed?.mocks) ? parsed : undefined
  } catch {
    throw cliError(
      `update ${path}`,
      'the existing file is not valid JSON',
      'Fix or delete it, then pull again',
    )
  }
}

/** `--types <file>`: the declaration file of what was pulled (a whole config: every mock in it). */
async function pulledTypes(
  io: CliIo,
  settings: PullSettings,
  files: string[],
  environment: string | undefined,
): Promise<void> {
  if (settings.types === undefined) return
  await generateTypes(io, { files, environment, out: resolve(io.cwd, settings.types) })
}

/**
 * `postmock pull`: download a collection, environment or a whole mock through the Postman API. Every
 * line it prints, errors included, has the API key masked and control characters shown escaped.
 */
export async function pullCommand(argv: string[], processIo: CliIo): Promise<number> {
  const io = maskedIo(processIo, apiKeysIn(argv, processIo.env))
  try {
    const settings = readPullArgs(argv, io)
    if (settings.help) {
      out(io, PULL_HELP)
      return 0
    }
    return await pull(settings, io)
  } catch (error) {
    throw maskedError(error, io)
  }
}

async function pull(settings: PullSettings, io: CliIo): Promise<number> {
  const colours = palette(io, 'stderr')
  const warning = settings.apiUrlSource && plainHttpWarning(settings.apiUrl, settings.apiUrlSource)
  if (warning) err(io, warning, colours.yellow)
  const api = createPostmanApi({
    apiKey: settings.apiKey,
    apiUrl: settings.apiUrl,
    timeoutMs: settings.timeoutMs,
    onRetry: ({ path, waitMs, attempt }) =>
      err(
        io,
        `[postmock] The Postman API is rate limiting (429) GET ${path.split('?')[0]}; retry ${attempt} in ${(waitMs / 1000).toFixed(1)} s.`,
        colours.yellow,
      ),
  })
  const writer: Writer = { io, apiKey: settings.apiKey, outDir: resolve(io.cwd, settings.out), written: [] }
  const show = (path: string) => shownPath(io, path)

  if (settings.collection) {
    const collection = await fetchCollection(api, settings.collection)
    const environment = settings.environment ? await fetchEnvironment(api, settings.environment) : undefined
    const collectionPath = await saveCollection(writer, collection)
    const environmentPath = environment ? await saveEnvironment(writer, environment) : undefined
    const envArg = environmentPath ? ` --environment ${show(environmentPath)}` : ''
    await pulledTypes(io, settings, [collectionPath], environmentPath)
    out(io, `Next: postmock serve ${show(collectionPath)}${envArg}`)
    return 0
  }

  const mockArg = settings.mock!
  const mock = await fetchMock(api, mockArg)
  if (!mock.collection) {
    throw cliError(
      `pull mock ${mockArg}`,
      'the Postman API did not name the collection of this mock',
      'Pull it with --collection instead',
    )
  }
  const collection = await fetchCollection(api, mock.collection)
  const environment = mock.environment ? await fetchEnvironment(api, mock.environment) : undefined
  const collectionPath = await saveCollection(writer, collection)
  const environmentPath = environment ? await saveEnvironment(writer, environment) : undefined
  const hostLabel = mock.mockUrl
    ? /^https?:\/\/([^./]+)\.mock\.pstmn\.io/i.exec(mock.mockUrl)?.[1]
    : undefined
  const id = hostLabel ?? mock.id ?? mockArg
  const isPrivate = mock.private ?? (mock.isPublic === undefined ? false : !mock.isPublic)
  const mockConfig = normaliseMockConfig(mock.config)
  const serverResponse = mockConfig.serverResponseId
    ? await fetchServerResponse(api, mock.id ?? mockArg, mockConfig.serverResponseId)
    : undefined
  const configPath = join(writer.outDir, CONFIG_FILE_NAME)
  const relativeToConfig = (path: string) => relative(dirname(configPath), path).split('\\').join('/')
  const config = mergeConfig(await readConfig(configPath), {
    id,
    name: mock.name ?? collection.info?.name,
    collection: relativeToConfig(collectionPath),
    ...(environmentPath ? { environment: relativeToConfig(environmentPath) } : {}),
    private: isPrivate,
    config: mockConfig,
    ...(serverResponse
      ? {
          serverResponse: {
            ...(serverResponse.name ? { name: serverResponse.name } : {}),
            statusCode: serverResponse.statusCode ?? 500,
            headers: serverResponse.headers ?? [],
            body: serverResponse.body ?? '',
          },
        }
      : {}),
  })
  await writeJson(writer, configPath, config)
  await pulledTypes(io, settings, [configPath], undefined)
  out(
    io,
    `[postmock] Wrote ${show(configPath)}: mock ${visible(id)} (${isPrivate ? 'private' : 'public'}) → ${relativeToConfig(collectionPath)}${environmentPath ? ` + ${relativeToConfig(environmentPath)}` : ''}`,
  )
  if (serverResponse) {
    const name = serverResponse.name ? ` "${visible(String(serverResponse.name))}"` : ''
    out(
      io,
      `[postmock] Mock ${visible(id)} has an active server response: every call gets ${visible(String(serverResponse.statusCode ?? 500))}${name} (config.serverResponseId).`,
    )
  }
  const privateNote = isPrivate
    ? '   (a private mock: calls need x-api-key; with POSTMAN_API_KEY set, serve accepts only that key)'
    : ''
  out(io, `Next: postmock serve ${show(configPath)}${privateNote}`)
  return 0
}
