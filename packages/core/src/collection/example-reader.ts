import { readBody } from './body.js'
import type { Example } from './example.js'
import { readHeaderList } from './headers.js'
import type { LoadWarnings } from './load-warnings.js'
import type { RawItem, RawRequest, RawResponse } from './raw-types.js'
import { SavedExample } from './saved-example.js'
import type { SourceLocations } from './source-locations.js'
import { resolveUrl } from './url.js'
import { describeValue } from './value-text.js'
import type { VariableScope } from './variable-scope.js'
import { substitute } from './variables.js'

/**
 * The most path segments an example may have. Deeper paths are never real, and the matcher files
 * `{{var}}` paths segment by segment; a saved path of thousands of segments is skipped with a warning.
 */
export const MAX_PATH_SEGMENTS = 1000

/** Where the reader is: the item's name, folders and the example's path in the v2 tree. */
export interface ExamplePlace {
  item: RawItem
  request: string
  folders: string[]
  at: string
}

/**
 * What reading examples needs and what it has read. A plain object, not a class instance made per
 * load: the reading code optimised for one load then stays valid for the next (a class instance's
 * shape lives only as long as some instance does).
 */
export interface ExampleReader {
  readonly examples: Example[]
  readonly scope: VariableScope
  readonly warnings: LoadWarnings
  readonly locations: SourceLocations
}

/**
 * Starts reading examples against a scope.
 *
 * @example
 * const reader = exampleReader(scope, warnings, V2_LOCATIONS)
 * readExample(reader, response, { item, request: 'Get user', folders: [], at: 'item[0].response[0]' })
 * reader.examples.length // 1
 */
export function exampleReader(
  scope: VariableScope,
  warnings: LoadWarnings,
  locations: SourceLocations,
): ExampleReader {
  return { examples: [], scope, warnings, locations }
}

/**
 * Reads a saved example into an {@link Example} with every variable resolved; a malformed one is
 * skipped with a warning naming its JSON path in the file the user has.
 *
 * @example
 * readExample(reader, { name: 'ok', code: 200 }, place)
 */
export function readExample(reader: ExampleReader, value: unknown, place: ExamplePlace): void {
  const { locations, warnings } = reader
  const { at } = place
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    warnings.skipExample(at, `expected an example object, got ${describeValue(value)}`)
    return
  }
  const response = value as RawResponse
  const code = statusCode(response.code)
  if (code === undefined) {
    warnings.skipExample(
      locations.example(response, at, 'code'),
      `expected an integer status code (100–599), got ${describeValue(response.code)}`,
    )
    return
  }
  if (response.body !== undefined && response.body !== null && typeof response.body !== 'string') {
    warnings.skipExample(
      locations.example(response, at, 'body'),
      `expected a string, got ${describeValue(response.body)}`,
    )
    return
  }
  const saved = pickRequest(response.originalRequest, place.item.request)
  if (typeof saved === 'string' && saved === '') {
    warnings.skipExample(locations.example(response, at, 'originalRequest'), 'it has no URL')
    return
  }
  const request: RawRequest =
    typeof saved === 'string' ? { url: saved, method: 'GET' } : ((saved ?? {}) as RawRequest)
  if (
    request.url !== undefined &&
    request.url !== null &&
    typeof request.url !== 'string' &&
    typeof request.url !== 'object'
  ) {
    warnings.skipExample(
      locations.example(response, at, 'originalRequest.url'),
      `expected a string or a URL object, got ${describeValue(request.url)}`,
    )
    return
  }
  if (request.method !== undefined && typeof request.method !== 'string') {
    warnings.skipExample(
      locations.example(response, at, 'originalRequest.method'),
      `expected a string, got ${describeValue(request.method)}`,
    )
    return
  }
  const { scope } = reader
  const url = resolveUrl(request.url, scope)
  const segments = url.path.length > MAX_PATH_SEGMENTS ? segmentCount(url.path) : 0
  if (segments > MAX_PATH_SEGMENTS) {
    warnings.skipExample(
      locations.example(response, at, 'originalRequest.url'),
      `its path has ${segments.toLocaleString('en')} segments, more than the ${MAX_PATH_SEGMENTS.toLocaleString('en')} postmock reads`,
    )
    return
  }
  const responseHeaders = readHeaderList(response.header, scope)
  const responseBody = substitute(response.body ?? '', scope)
  const method = (request.method || 'GET').toUpperCase()
  const name = typeof response.name === 'string' ? response.name : ''
  const id = typeof response.id === 'string' ? response.id : undefined
  const uid = typeof response.uid === 'string' ? response.uid : undefined
  const language = response._postman_previewlanguage
  reader.examples.push(
    new SavedExample({
      order: reader.examples.length,
      info: {
        request: place.request,
        folders: place.folders,
        method,
        path: url.path,
        query: queryText(url.query),
        code,
        name,
        id,
        uid,
        location: locations.example(response, at),
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
        previewLanguage: typeof language === 'string' ? language : undefined,
        templated: isTemplated(responseBody, responseHeaders),
      },
    }),
  )
}

/** The status code of an example (200 when it has none), or `undefined` when it is not one. */
function statusCode(code: unknown): number | undefined {
  if (code === undefined || code === null) return 200
  const parsed = typeof code === 'string' && /^\d+$/.test(code) ? Number(code) : code
  if (typeof parsed !== 'number' || !Number.isInteger(parsed) || parsed < 100 || parsed > 599)
    return undefined
  return parsed
}

/** How many segments a path has (`/a/b` has 2). */
function segmentCount(path: string): number {
  let count = 0
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 47) count++
  return count
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

function pickRequest(original: unknown, fallback: unknown): RawRequest | string | undefined {
  if (original && (typeof original === 'object' || typeof original === 'string'))
    return original as RawRequest | string
  return (fallback ?? undefined) as RawRequest | string | undefined
}
