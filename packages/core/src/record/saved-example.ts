/** A recorded exchange as a Postman v2.1 example (`item.response[]` entry), redacted. */
import type { RawKeyValue } from '../collection/raw-types.js'
import { safeDecode } from '../collection/url.js'
import { contentId } from './content-id.js'
import { reasonPhrase } from './reason-phrases.js'
import { REDACTED, type Redactor } from './redact.js'
import { pathSegments } from './saved-url.js'
import type { RecordedExchange, RecordedHeaders } from './types.js'

/**
 * Request headers the client's transport writes, not the app: saving them would add noise to every
 * example (and `x-mock-*` are the mock's control headers).
 */
const TRANSPORT_REQUEST_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'accept-encoding',
  'user-agent',
  'accept-language',
  'sec-fetch-mode',
  'sec-fetch-site',
  'sec-fetch-dest',
  'upgrade',
  'te',
  'trailer',
])

/**
 * Response headers that change on every call or describe the transport (the body is saved decoded):
 * saved, they would make every re-recording a change. Kept as they are in a refreshed example.
 */
export const VOLATILE_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'date',
  'age',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'x-powered-by',
])

/** A header name as HTTP/1.1 servers usually spell it (`content-type` → `Content-Type`). */
export function titleCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase())
}

/** Header pairs of any of the accepted shapes, in order. */
export function headerPairs(headers: RecordedHeaders | undefined): Array<[string, string]> {
  if (!headers) return []
  if (typeof (headers as Headers).forEach === 'function' && !Array.isArray(headers)) {
    const pairs: Array<[string, string]> = []
    const list = headers as Headers
    list.forEach((value, name) => {
      if (name !== 'set-cookie') pairs.push([name, value])
    })
    for (const cookie of list.getSetCookie?.() ?? []) pairs.push(['set-cookie', cookie])
    return pairs
  }
  if (Array.isArray(headers)) return headers.map(([name, value]) => [String(name), String(value)])
  return Object.entries(headers as Record<string, string>).map(([name, value]) => [name, String(value)])
}

/** A saved header list: `{ key, value }` entries, secrets redacted, names title-cased. */
function savedHeaders(
  pairs: Array<[string, string]>,
  redactor: Redactor,
  skip: ReadonlySet<string>,
): RawKeyValue[] {
  return pairs
    .filter(([name]) => {
      const lower = name.toLowerCase()
      return !skip.has(lower) && !lower.startsWith('x-mock-')
    })
    .map(([name, value]) => ({
      key: titleCase(name.toLowerCase()),
      value: redactor.header(name) ? REDACTED : value,
    }))
}

/** The query string with secret values redacted (keys and other values kept as sent). */
function redactedSearch(search: string, redactor: Redactor): string {
  if (!search) return ''
  return search
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=')
      const key = safeDecode((eq >= 0 ? pair.slice(0, eq) : pair).replace(/\+/g, ' '))
      return redactor.query(key) ? `${eq >= 0 ? pair.slice(0, eq) : pair}=${REDACTED}` : pair
    })
    .join('&')
}

function queryList(search: string): RawKeyValue[] {
  if (!search) return []
  return search.split('&').map((pair) => {
    const eq = pair.indexOf('=')
    return eq >= 0 ? { key: pair.slice(0, eq), value: pair.slice(eq + 1) } : { key: pair, value: null }
  })
}

/** The media type's preview language, as Postman saves it. */
export function previewLanguage(contentType: string | undefined): string {
  const type = (contentType ?? '').toLowerCase()
  if (/[/+]json\b/.test(type)) return 'json'
  if (/[/+]xml\b/.test(type)) return 'xml'
  if (type.includes('html')) return 'html'
  if (type.includes('javascript')) return 'javascript'
  return 'text'
}

/** The request as sent, read below the target. */
export interface SentRequest {
  method: string
  /** The URL sent, its secret query values redacted. */
  url: URL
  /** The path below the target's base path, e.g. `/users/42`. */
  relativePath: string
  /** The query string, redacted, without `?`. */
  search: string
  headers: RawKeyValue[]
  body: string
  contentType: string | undefined
}

/**
 * Reads the request of an exchange: its path below `target` (the whole path when the request is
 * not under it), its query and headers redacted, its body with the JSON paths redacted.
 */
export function sentRequest(
  exchange: RecordedExchange,
  target: URL | undefined,
  redactor: Redactor,
): SentRequest {
  const url = new URL(exchange.request.url)
  const base = target && target.origin === url.origin ? target.pathname.replace(/\/+$/, '') : ''
  const under = base && (url.pathname === base || url.pathname.startsWith(`${base}/`))
  const relativePath = under ? url.pathname.slice(base.length) || '/' : url.pathname
  const search = redactedSearch(url.search.slice(1), redactor)
  url.search = search
  // `Accept: */*` is what HTTP clients send when the app asks for nothing in particular.
  const pairs = headerPairs(exchange.request.headers).filter(
    ([name, value]) => name.toLowerCase() !== 'accept' || value.trim() !== '*/*',
  )
  const contentType = pairs.find(([name]) => name.toLowerCase() === 'content-type')?.[1]
  return {
    method: exchange.request.method.toUpperCase(),
    url,
    relativePath,
    search,
    headers: savedHeaders(pairs, redactor, TRANSPORT_REQUEST_HEADERS),
    body: exchange.request.body ? redactor.body(exchange.request.body) : '',
    contentType,
  }
}

/**
 * The example's `originalRequest`: the request sent, its URL written with `hostVariable` in place of
 * the target when there is one (`{{baseUrl}}/users/42`), else as sent.
 */
export function originalRequestOf(
  sent: SentRequest,
  hostVariable: string | undefined,
): Record<string, unknown> {
  const query = sent.search ? `?${sent.search}` : ''
  const url: Record<string, unknown> = hostVariable
    ? { raw: `${hostVariable}${sent.relativePath}${query}`, host: [hostVariable] }
    : {
        raw: `${sent.url.origin}${sent.url.pathname}${query}`,
        protocol: sent.url.protocol.replace(/:$/, ''),
        host: sent.url.hostname.split('.'),
        ...(sent.url.port ? { port: sent.url.port } : {}),
      }
  url.path = pathSegments(hostVariable ? sent.relativePath : sent.url.pathname)
  if (sent.search) url.query = queryList(sent.search)
  const request: Record<string, unknown> = { method: sent.method, header: sent.headers }
  if (sent.body) {
    const json = previewLanguage(sent.contentType) === 'json'
    request.body = {
      mode: 'raw',
      raw: sent.body,
      ...(json ? { options: { raw: { language: 'json' } } } : {}),
    }
  }
  request.url = url
  return request
}

/** The answer's parts as an example saves them. */
export interface SavedAnswer {
  status: string
  code: number
  previewLanguage: string
  header: RawKeyValue[]
  body: string
}

/** The answer of an exchange, redacted, with volatile and transport headers left out. */
export function savedAnswer(exchange: RecordedExchange, redactor: Redactor): SavedAnswer {
  const { response } = exchange
  const pairs = headerPairs(response.headers)
  const contentType = pairs.find(([name]) => name.toLowerCase() === 'content-type')?.[1]
  return {
    status: reasonPhrase(response.status, response.statusText),
    code: response.status,
    previewLanguage: previewLanguage(contentType),
    header: savedHeaders(pairs, redactor, VOLATILE_RESPONSE_HEADERS),
    body: response.body ? redactor.body(response.body) : '',
  }
}

/** The content-derived id of an example: request sent and answer, not its name or place. */
export function exampleId(originalRequest: Record<string, unknown>, answer: SavedAnswer): string {
  return contentId(JSON.stringify([originalRequest, answer.code, answer.status, answer.header, answer.body]))
}

/**
 * A new example (key order as Postman exports it).
 *
 * @example
 * const example = newExample('200 OK', originalRequestOf(sent, '{{baseUrl}}'), savedAnswer(exchange, redactor))
 */
export function newExample(
  name: string,
  originalRequest: Record<string, unknown>,
  answer: SavedAnswer,
): Record<string, unknown> {
  return {
    id: exampleId(originalRequest, answer),
    name,
    originalRequest,
    status: answer.status,
    code: answer.code,
    _postman_previewlanguage: answer.previewLanguage,
    header: answer.header,
    cookie: [],
    body: answer.body,
  }
}
