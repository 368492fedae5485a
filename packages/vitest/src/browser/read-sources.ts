import type { PostmanSource, PostmanSourceEntry, SetupPostmanMocksOptions } from '@postmock/adapter-node'
import {
  createPostmanMock,
  isPostmockConfig,
  type PostmanEnvironment,
  type PostmanMock,
  type PostmanMockOptions,
  postmockError,
} from '@postmock/core'
import { commands } from 'vitest/browser'

/** One source, loaded: its core mock and the label reports use. */
export interface LoadedSource {
  label: string
  mock: PostmanMock
}

const isUrl = (location: string): boolean => /^https?:\/\//i.test(location)
const isJsonText = (value: string): boolean => value.trimStart().startsWith('{')

/**
 * The text of a file: an `http(s)://` URL is fetched (e.g. from the dev server, `location.origin`);
 * anything else is a path read on the Node side through Vitest's `commands.readFile`, relative to
 * the project root (as `process.cwd()` is in Node).
 */
async function readText(location: string, what: string): Promise<string> {
  try {
    if (!isUrl(location)) return await commands.readFile(location)
    const response = await fetch(location)
    if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim())
    return await response.text()
  } catch (error) {
    throw postmockError(
      'FILE_NOT_FOUND',
      `read the ${what} ${location}`,
      (error as Error).message ?? String(error),
      isUrl(location)
        ? 'Check the URL (a file in the public/ folder is served at location.origin + "/<name>")'
        : "Check the path: relative paths resolve from the Vitest project's root (its `root`), and Vite's server.fs.allow must include the file",
      location,
    )
  }
}

async function readJson(location: string, what: string): Promise<unknown> {
  const text = await readText(location, what)
  try {
    return JSON.parse(text)
  } catch (error) {
    throw postmockError(
      'INVALID_COLLECTION',
      `read the ${what} ${location}`,
      (error as Error).message,
      'Export it again',
    )
  }
}

/** A location relative to another file's location (URL or path), as Node's `resolve(dirname(base), rel)`. */
function besides(base: string, relative: string): string {
  if (isUrl(relative) || relative.startsWith('/')) return relative
  if (isUrl(base)) return new URL(relative, base).href
  const slash = base.lastIndexOf('/')
  return slash < 0 ? relative : `${base.slice(0, slash + 1)}${relative}`
}

/** A `postmock.config.json` read from a location: its mocks' collection and environment paths are relative to it. */
async function loadConfigFiles(config: { mocks: unknown[] }, location: string): Promise<unknown> {
  const mocks = await Promise.all(
    (config.mocks as Array<{ collection?: unknown; environment?: unknown }>).map(async (mock) => ({
      ...mock,
      collection:
        typeof mock?.collection === 'string' && !isJsonText(mock.collection)
          ? await readJson(besides(location, mock.collection), 'collection')
          : mock?.collection,
      environment:
        typeof mock?.environment === 'string' && !isJsonText(mock.environment)
          ? await readJson(besides(location, mock.environment), 'environment')
          : mock?.environment,
    })),
  )
  return { ...config, mocks }
}

async function readCollection(source: string | object): Promise<{ parsed: unknown; label: string }> {
  if (typeof source !== 'string' || isJsonText(source))
    return { parsed: source, label: labelOf(source, 'collection') }
  const parsed = await readJson(source, 'collection')
  const value = isPostmockConfig(parsed) ? await loadConfigFiles(parsed, source) : parsed
  return { parsed: value, label: labelOf(parsed, source.slice(source.lastIndexOf('/') + 1)) }
}

async function readEnvironment(
  environment: PostmanEnvironment | string | undefined,
): Promise<PostmanEnvironment | string | undefined> {
  if (typeof environment !== 'string' || isJsonText(environment)) return environment
  return (await readJson(environment, 'environment')) as PostmanEnvironment
}

function labelOf(parsed: unknown, fallback: string): string {
  const name = (parsed as { info?: { name?: unknown } } | null)?.info?.name
  return typeof name === 'string' ? name : fallback
}

function isEntry(source: PostmanSource): source is PostmanSourceEntry {
  if (!source || typeof source !== 'object' || 'item' in source) return false
  const { collection } = source as { collection?: unknown }
  return typeof collection === 'string' || (!!collection && typeof collection === 'object')
}

/** core's options: the runner-only ones dropped, the environment read. */
async function coreOptions(options: SetupPostmanMocksOptions): Promise<PostmanMockOptions> {
  const {
    onUnmatched: _u,
    reportUnused: _r,
    passthrough: _p,
    loopbackSockets: _l,
    environment,
    ...rest
  } = options
  return { ...rest, environment: await readEnvironment(environment) }
}

/**
 * Reads every source in the browser and creates one core mock each. A source is a parsed collection or
 * config (a JSON import), JSON text, an `http(s)://` URL, or a path read through Vitest's browser
 * commands; `environment` likewise. Each source serves its own origins (its `baseUrls` and
 * `https://<mockId>.mock.pstmn.io`).
 */
export async function loadBrowserSources(
  sources: PostmanSource | readonly PostmanSource[],
  options: SetupPostmanMocksOptions,
): Promise<LoadedSource[]> {
  const list: readonly PostmanSource[] = Array.isArray(sources) ? sources : [sources]
  return Promise.all(
    list.map(async (source) => {
      const { collection, ...own } = isEntry(source) ? source : { collection: source }
      const merged = { ...options, ...own, environment: own.environment ?? options.environment }
      const [{ parsed, label }, coreOpts] = await Promise.all([
        readCollection(collection),
        coreOptions(merged),
      ])
      return { label, mock: createPostmanMock(parsed, coreOpts) }
    }),
  )
}
