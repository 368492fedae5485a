import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createPostmanApi } from '../api/postman-api.js'
import {
  type ApiCollection,
  type ApiEnvironment,
  fetchCollection,
  fetchEnvironment,
  fetchMock,
  fetchServerResponse,
} from '../api/postman-resources.js'
import { cliError, usageError } from '../cli-error.js'
import {
  CONFIG_FILE_NAME,
  mergeConfig,
  normaliseMockConfig,
  type PostmockConfigFile,
} from '../config/postmock-config.js'
import { palette } from '../output/colours.js'
import { type CliIo, err, out, plural } from '../output/io.js'
import { PULL_HELP } from './help-texts.js'

/** Turns a Postman name into a safe file name stem. */
export function fileStem(name: string | undefined, fallback: string): string {
  const stem = (name ?? '')
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
  return stem || fallback
}

function countExamples(items: unknown): { requests: number; examples: number } {
  let requests = 0
  let examples = 0
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) return
    for (const node of list as Array<{ item?: unknown; request?: unknown; response?: unknown }>) {
      if (Array.isArray(node?.item)) walk(node.item)
      else if (node?.request !== undefined) {
        requests++
        if (Array.isArray(node.response)) examples += node.response.length
      }
    }
  }
  walk(items)
  return { requests, examples }
}

/** An environment as Postman's "Export" writes it, so every tool (and Postman) can read the file. */
function asExport(environment: ApiEnvironment): Record<string, unknown> {
  return {
    id: environment.id,
    name: environment.name,
    values: (environment.values ?? []).map((value) => ({
      key: value.key,
      value: value.value ?? '',
      type: value.type ?? 'default',
      enabled: value.enabled !== false,
    })),
    _postman_variable_scope: 'environment',
    _postman_exported_at: new Date().toISOString(),
    _postman_exported_using: 'postmock',
  }
}

interface Writer {
  io: CliIo
  apiKey: string
  written: string[]
}

/** Writes JSON, making sure the API key is not in it (an environment may hold it as a value). */
async function writeJson(writer: Writer, path: string, data: unknown): Promise<void> {
  let text = `${JSON.stringify(data, null, 2)}\n`
  if (writer.apiKey.length >= 8 && text.includes(writer.apiKey)) {
    const times = text.split(writer.apiKey).length - 1
    text = text.split(writer.apiKey).join('')
    err(
      writer.io,
      `[postmock] Removed your Postman API key from ${relative(writer.io.cwd, path)}: Postman's data held it ${times} time(s), and postmock never writes it to disk.`,
    )
  }
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, text)
  writer.written.push(path)
}

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

const options = {
  collection: { type: 'string', short: 'c' },
  environment: { type: 'string', short: 'e' },
  mock: { type: 'string', short: 'm' },
  out: { type: 'string', short: 'o' },
  'api-key': { type: 'string' },
  'api-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

/** `postmock pull`: download a collection, environment or a whole mock through the Postman API. */
export async function pullCommand(argv: string[], io: CliIo): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ options: typeof options; args: string[] }>>['values']
  try {
    ;({ values } = parseArgs({ args: argv, options, allowPositionals: false }))
  } catch (error) {
    throw usageError('pull', (error as Error).message)
  }
  if (values.help) {
    out(io, PULL_HELP)
    return 0
  }
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
  const apiKey = values['api-key'] ?? io.env.POSTMAN_API_KEY ?? ''
  if (!apiKey) {
    throw cliError(
      'pull from the Postman API',
      'no API key was given',
      'Pass --api-key <key> or set POSTMAN_API_KEY (Postman: Settings > API keys)',
    )
  }
  const colours = palette(io, 'stderr')
  const api = createPostmanApi({
    apiKey,
    apiUrl: values['api-url'] ?? io.env.POSTMAN_API_URL,
    onRetry: ({ path, waitMs, attempt }) =>
      err(
        io,
        colours.yellow(
          `[postmock] The Postman API is rate limiting (429) GET ${path.split('?')[0]}; retry ${attempt} in ${(waitMs / 1000).toFixed(1)} s.`,
        ),
      ),
  })
  const outDir = resolve(io.cwd, values.out ?? '.')
  const writer: Writer = { io, apiKey, written: [] }
  const show = (path: string) => relative(io.cwd, path) || '.'

  const saveCollection = async (collection: ApiCollection) => {
    const name = collection.info?.name
    const path = join(outDir, 'collections', `${fileStem(name, 'collection')}.postman_collection.json`)
    await writeJson(writer, path, collection)
    const { requests, examples } = countExamples(collection.item)
    out(
      io,
      `[postmock] Pulled collection "${name ?? '?'}" (${plural(requests, 'request')}, ${plural(examples, 'example')}) → ${show(path)}`,
    )
    return path
  }
  const saveEnvironment = async (environment: ApiEnvironment) => {
    const path = join(
      outDir,
      'environments',
      `${fileStem(environment.name, 'environment')}.postman_environment.json`,
    )
    await writeJson(writer, path, asExport(environment))
    out(
      io,
      `[postmock] Pulled environment "${environment.name ?? '?'}" (${plural(environment.values?.length ?? 0, 'value')}) → ${show(path)}`,
    )
    return path
  }

  if (values.collection) {
    const collection = await fetchCollection(api, values.collection)
    const environment = values.environment ? await fetchEnvironment(api, values.environment) : undefined
    const collectionPath = await saveCollection(collection)
    const environmentPath = environment ? await saveEnvironment(environment) : undefined
    const envArg = environmentPath ? ` --environment ${show(environmentPath)}` : ''
    out(io, `Next: postmock serve ${show(collectionPath)}${envArg}`)
    return 0
  }

  const mockArg = values.mock!
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
  const collectionPath = await saveCollection(collection)
  const environmentPath = environment ? await saveEnvironment(environment) : undefined
  const hostLabel = mock.mockUrl
    ? /^https?:\/\/([^./]+)\.mock\.pstmn\.io/i.exec(mock.mockUrl)?.[1]
    : undefined
  const id = hostLabel ?? mock.id ?? mockArg
  const isPrivate = mock.private ?? (mock.isPublic === undefined ? false : !mock.isPublic)
  const mockConfig = normaliseMockConfig(mock.config)
  const serverResponse = mockConfig.serverResponseId
    ? await fetchServerResponse(api, mock.id ?? mockArg, mockConfig.serverResponseId)
    : undefined
  const configPath = join(outDir, CONFIG_FILE_NAME)
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
  out(
    io,
    `[postmock] Wrote ${show(configPath)}: mock ${id} (${isPrivate ? 'private' : 'public'}) → ${relativeToConfig(collectionPath)}${environmentPath ? ` + ${relativeToConfig(environmentPath)}` : ''}`,
  )
  if (serverResponse) {
    out(
      io,
      `[postmock] Mock ${id} has an active server response: every call gets ${serverResponse.statusCode ?? 500}${serverResponse.name ? ` "${serverResponse.name}"` : ''} (config.serverResponseId).`,
    )
  }
  out(io, `Next: postmock serve ${show(configPath)}${isPrivate ? ' --api-key <key>' : ''}`)
  return 0
}
