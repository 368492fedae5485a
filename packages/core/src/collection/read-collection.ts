import { formatMessage, type PostmockWarning, postmockError } from '../messages.js'
import { readBody } from './body.js'
import { convertV1, isV1Collection } from './convert-v1.js'
import type { Example } from './example.js'
import { readHeaderList } from './headers.js'
import type { RawCollection, RawItem, RawKeyValue, RawRequest, RawResponse } from './raw-types.js'
import { SavedExample } from './saved-example.js'
import { resolveUrl } from './url.js'
import { substitute, type VariableScope, variableText } from './variables.js'

/** A collection read into flat examples. */
export interface ReadCollection {
  name: string
  examples: Example[]
  warnings: PostmockWarning[]
}

/** Parses collection JSON text, naming the line and column of a syntax error. */
export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw postmockError(
      what === 'collection' ? 'INVALID_COLLECTION' : 'INVALID_ENVIRONMENT',
      `read the ${what}`,
      `it is not valid JSON (${detail})`,
      `Export the ${what} again from Postman (…  → Export) and pass the file's contents or a path`,
      '$',
    )
  }
}

/** Reads the enabled `variable[]` entries of a collection. */
export function readVariables(list: RawKeyValue[] | undefined): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  if (!Array.isArray(list)) return pairs
  for (const entry of list) {
    const key = entry && (typeof entry.key === 'string' ? entry.key : (entry as { id?: string }).id)
    if (typeof key !== 'string' || entry.disabled === true || entry.enabled === false) continue
    pairs.push([key, variableText(entry.value)])
  }
  return pairs
}

class ExampleReader {
  readonly examples: Example[] = []
  readonly warnings: PostmockWarning[] = []

  constructor(
    private readonly scope: VariableScope,
    private readonly strict: boolean,
  ) {}

  walk(items: unknown, path: string, folders: string[]): void {
    if (!Array.isArray(items)) {
      throw postmockError(
        'INVALID_COLLECTION',
        'read the collection',
        `${path}: expected an array of items, got ${describe(items)}`,
        'Check that the file is a Postman collection export (v1, v2.0 or v2.1)',
        path,
      )
    }
    items.forEach((item: unknown, index) => {
      const at = `${path}[${index}]`
      if (!item || typeof item !== 'object') {
        this.skip(at, `expected an item object, got ${describe(item)}`)
        return
      }
      const entry = item as RawItem
      if (entry.item !== undefined && entry.item !== null) {
        this.walk(entry.item, `${at}.item`, [...folders, String(entry.name ?? '')])
        return
      }
      if (entry.response !== undefined && !Array.isArray(entry.response)) {
        this.skip(`${at}.response`, `expected an array of examples, got ${describe(entry.response)}`)
        return
      }
      ;(entry.response ?? []).forEach((response: unknown, r) => {
        this.readExample(entry, response, `${at}.response[${r}]`, folders)
      })
    })
  }

  private skip(path: string, reason: string): void {
    const message = formatMessage(
      'load an example',
      `${path}: ${reason}`,
      this.strict ? 'Fix the example in Postman and export again' : 'It was skipped, as Postman skips it',
    )
    if (this.strict)
      throw postmockError(
        'INVALID_EXAMPLE',
        'load an example',
        `${path}: ${reason}`,
        'Fix the example in Postman and export again',
        path,
      )
    this.warnings.push({ code: 'INVALID_EXAMPLE', path, message })
  }

  private readExample(item: RawItem, value: unknown, at: string, folders: string[]): void {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      this.skip(at, `expected an example object, got ${describe(value)}`)
      return
    }
    const response = value as RawResponse
    let code = 200
    if (response.code !== undefined && response.code !== null) {
      const parsed =
        typeof response.code === 'string' && /^\d+$/.test(response.code)
          ? Number(response.code)
          : response.code
      if (typeof parsed !== 'number' || !Number.isInteger(parsed) || parsed < 100 || parsed > 599) {
        this.skip(`${at}.code`, `expected an integer status code (100–599), got ${describe(response.code)}`)
        return
      }
      code = parsed
    }
    if (response.body !== undefined && response.body !== null && typeof response.body !== 'string') {
      this.skip(`${at}.body`, `expected a string, got ${describe(response.body)}`)
      return
    }
    const saved = pickRequest(response.originalRequest, item.request)
    if (typeof saved === 'string' && saved === '') {
      this.skip(`${at}.originalRequest`, 'it has no URL')
      return
    }
    const request: RawRequest = typeof saved === 'string' ? { url: saved, method: 'GET' } : (saved ?? {})
    if (
      request.url !== undefined &&
      request.url !== null &&
      typeof request.url !== 'string' &&
      typeof request.url !== 'object'
    ) {
      this.skip(
        `${at}.originalRequest.url`,
        `expected a string or a URL object, got ${describe(request.url)}`,
      )
      return
    }
    if (request.method !== undefined && typeof request.method !== 'string') {
      this.skip(`${at}.originalRequest.method`, `expected a string, got ${describe(request.method)}`)
      return
    }
    const { scope } = this
    const responseHeaders = readHeaderList(response.header, scope)
    const responseBody = substitute(response.body ?? '', scope)
    const url = resolveUrl(request.url, scope)
    const method = (request.method || 'GET').toUpperCase()
    const name = typeof response.name === 'string' ? response.name : ''
    const id = typeof response.id === 'string' ? response.id : undefined
    const uid = typeof response.uid === 'string' ? response.uid : undefined
    this.examples.push(
      new SavedExample({
        order: this.examples.length,
        info: {
          request: String(item.name ?? ''),
          folders,
          method,
          path: url.path,
          query: queryText(url.query),
          code,
          name,
          id,
          uid,
          location: at,
        },
        method,
        path: url.path,
        query: url.query,
        requestHeaders: readHeaderList(request.header, scope),
        body: readBody(request.body, scope),
        response: {
          code,
          status: typeof response.status === 'string' && response.status ? response.status : undefined,
          headers: responseHeaders,
          body: responseBody,
          previewLanguage: response._postman_previewlanguage,
          templated: isTemplated(responseBody, responseHeaders),
        },
      }),
    )
  }
}

/** Query pairs as `key=value` joined by `&`. */
function queryText(pairs: Array<[string, string]>): string {
  let text = ''
  for (let i = 0; i < pairs.length; i++) {
    const [key, value] = pairs[i]!
    text += i === 0 ? `${key}=${value}` : `&${key}=${value}`
  }
  return text
}

/** Whether a response holds `{{…}}` tokens to render per request. */
function isTemplated(body: string, headers: Array<[string, string]>): boolean {
  if (body.includes('{{')) return true
  for (const [, value] of headers) if (value.includes('{{')) return true
  return false
}

function pickRequest(
  original: RawResponse['originalRequest'],
  fallback: RawItem['request'],
): RawRequest | string | undefined {
  if (original && (typeof original === 'object' || typeof original === 'string')) return original
  return fallback ?? undefined
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${String(value)}`
}

/** Validates the top of a collection and normalises v1 into the v2 shape. */
export function normaliseCollection(input: unknown): RawCollection {
  const value = typeof input === 'string' ? parseJsonText(input, 'collection') : input
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw postmockError(
      'INVALID_COLLECTION',
      'read the collection',
      `$: expected a Postman collection object, got ${describe(value)}`,
      'Pass a parsed collection export, its JSON text, or (with @postmock/core/node) a file path',
      '$',
    )
  }
  const wrapped = value as { collection?: unknown }
  if (wrapped.collection && typeof wrapped.collection === 'object' && !('item' in value)) {
    return normaliseCollection(wrapped.collection)
  }
  if (isV1Collection(value)) return convertV1(value)
  if (!('item' in value)) {
    throw postmockError(
      'INVALID_COLLECTION',
      'read the collection',
      '$.item: expected an array of items, got nothing',
      'Check that the file is a Postman collection export (v1, v2.0 or v2.1), not an environment or a mock',
      'item',
    )
  }
  return value as RawCollection
}

/**
 * Reads a collection (v1, v2.0, v2.1) into flat examples with every variable resolved.
 * `scope` must already merge collection variables, environment values and overrides.
 */
export function readExamples(
  collection: RawCollection,
  scope: VariableScope,
  strict: boolean,
): ReadCollection {
  const reader = new ExampleReader(scope, strict)
  reader.walk(collection.item, 'item', [])
  return {
    name: String(collection.info?.name ?? ''),
    examples: reader.examples,
    warnings: reader.warnings,
  }
}
