import { isAbsolute, resolve } from 'node:path'
import { createPostmanMock, type PostmanMock } from '@postmock/core'
import { loadCollection, loadEnvironment } from '@postmock/core/node'
import type { CollectionSource, PostmanRouteOptions } from './options.js'

/** Keys that belong to this adapter, not to core's `createPostmanMock()`. */
const ADAPTER_KEYS = new Set([
  'onUnmatched',
  'blockUnserved',
  'allowOrigins',
  'baseDir',
  'record',
  'recordTarget',
  'redact',
])

function isJsonText(text: string): boolean {
  return /^\s*[[{]/.test(text)
}

function resolvePath(source: string, baseDir: string | undefined): string {
  return isJsonText(source) || isAbsolute(source) ? source : resolve(baseDir ?? process.cwd(), source)
}

/** Reads the collection and environment (files or objects) and builds one fresh core mock. */
export async function loadMock(source: CollectionSource, options: PostmanRouteOptions): Promise<PostmanMock> {
  const collection = await loadCollection(
    typeof source === 'string' ? resolvePath(source, options.baseDir) : source,
  )
  const coreOptions: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(options)) {
    if (!ADAPTER_KEYS.has(key) && value !== undefined) coreOptions[key] = value
  }
  const { environment } = options
  if (environment !== undefined) {
    coreOptions.environment = await loadEnvironment(
      typeof environment === 'string' ? resolvePath(environment, options.baseDir) : environment,
    )
  }
  return createPostmanMock(collection, coreOptions)
}
