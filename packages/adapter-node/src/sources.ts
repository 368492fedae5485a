import { basename, resolve } from 'node:path'
import type { PostmanMock, PostmanMockOptions } from '@postmock/core'
import type { PostmanSource, PostmanSourceEntry, SetupPostmanMocksOptions } from './options.js'
import type { Runtime } from './runtime.js'

/** Creates one core mock for a source; called once for the shared scope and once per isolated scope. */
export interface MockFactory {
  /** The collection name or file name, used in reports. */
  label: string
  create(): PostmanMock
}

async function coreOptions(
  runtime: Runtime,
  options: SetupPostmanMocksOptions | Omit<PostmanSourceEntry, 'collection'>,
): Promise<PostmanMockOptions> {
  const {
    onUnmatched: _u,
    reportUnused: _r,
    passthrough: _p,
    environment,
    ...rest
  } = options as SetupPostmanMocksOptions
  if (typeof environment !== 'string') return { ...rest, environment }
  const path = environment.trimStart().startsWith('{') ? environment : resolve(process.cwd(), environment)
  return { ...rest, environment: await runtime.coreNode.loadEnvironment(path) }
}

function labelOf(parsed: unknown, fallback: string): string {
  const info = (parsed as { info?: { name?: unknown } } | null)?.info
  if (typeof info?.name === 'string') return info.name
  const mocks = (parsed as { mocks?: Array<{ id?: unknown }> } | null)?.mocks
  if (Array.isArray(mocks)) return `config (${mocks.map((mock) => String(mock?.id)).join(', ')})`
  return fallback
}

async function readSource(
  runtime: Runtime,
  source: PostmanSource,
): Promise<{ parsed: unknown; label: string }> {
  if (typeof source !== 'string' || source.trimStart().startsWith('{')) {
    return { parsed: source, label: labelOf(source, 'collection') }
  }
  const file = resolve(process.cwd(), source)
  const parsed = await runtime.coreNode.loadSource(file)
  return { parsed, label: labelOf(parsed, basename(file)) }
}

function isEntry(source: PostmanSource): source is PostmanSourceEntry {
  if (!source || typeof source !== 'object') return false
  const value = source as Record<string, unknown>
  const collection = value.collection
  return (
    (typeof collection === 'string' || (!!collection && typeof collection === 'object')) && !('item' in value)
  )
}

/**
 * Reads every source (files resolve from `process.cwd()`, the project root Jest and Vitest run in;
 * a `postmock.config.json` brings its own collections) and returns one factory per source. Each
 * source serves its own origins: its `baseUrls`, and `https://<mockId>.mock.pstmn.io`.
 */
export async function loadSources(
  runtime: Runtime,
  sources: PostmanSource | readonly PostmanSource[],
  options: SetupPostmanMocksOptions,
): Promise<MockFactory[]> {
  const list: readonly PostmanSource[] = Array.isArray(sources) ? sources : [sources]
  const read = await Promise.all(
    list.map(async (source) => {
      if (!isEntry(source))
        return { ...(await readSource(runtime, source)), options: await coreOptions(runtime, options) }
      const { collection, ...own } = source
      const merged = { ...options, ...own, environment: own.environment ?? options.environment }
      return { ...(await readSource(runtime, collection)), options: await coreOptions(runtime, merged) }
    }),
  )
  return read.map(({ parsed, label, options: shared }) => {
    // The collection is read and indexed once; scopes created later (one per concurrent test) are forks
    // of the first mock, with their own overrides and calls (and no second round of load warnings).
    let first: PostmanMock | undefined
    const create = () => {
      if (!first) {
        first = runtime.core.createPostmanMock(parsed, shared)
        return first
      }
      return first.fork()
    }
    return { label, create }
  })
}
