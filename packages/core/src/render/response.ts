import type { Example } from '../collection/example.js'
import type { PostmanAnswer } from '../glossary.js'
import { plainAnswer } from './answer.js'

const DROPPED = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
])
const NULL_BODY = new Set([101, 103, 204, 205, 304])
const REASON = /^[\t\x20-\x7e\x80-\xff]*$/
const PREVIEW_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  javascript: 'application/javascript; charset=utf-8',
}
const FALLBACK_TYPE = 'text/html; charset=utf-8'

/** The content type of an answer: the example's, a preview-language guess, or Postman's fallback. */
export function contentTypeFor(saved: string | undefined, previewLanguage: string | undefined): string {
  if (saved !== undefined) return /^[\w.+-]+\/[\w.+-]+/.test(saved.trim()) ? saved : FALLBACK_TYPE
  return (
    (previewLanguage && Object.hasOwn(PREVIEW_TYPES, previewLanguage) && PREVIEW_TYPES[previewLanguage]) ||
    FALLBACK_TYPE
  )
}

/** The rendered parts of an answer. */
export interface RenderedAnswer {
  body: string
  headers: Array<[string, string]>
}

/** The status codes registered with IANA; others are "unknown" (Postman was seen answering them with 200). */
const KNOWN_STATUS = new Set([
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307,
  308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421,
  422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
])

/** The headers of an answer, checked and completed once (spec §4.2, §4.5). */
function answerHeaders(example: Example, answer: RenderedAnswer, nullBody: boolean): Array<[string, string]> {
  const headers = new Headers()
  let savedType: string | undefined
  for (const [name, value] of answer.headers) {
    const lower = name.toLowerCase()
    if (DROPPED.has(lower)) continue
    if (lower === 'content-type') {
      savedType = value
      continue
    }
    try {
      headers.append(name, value)
    } catch {
      // A header name or value that HTTP cannot carry is left out, as a server would refuse to send it.
    }
  }
  // Always set, also for an empty body: Fetch would otherwise label it text/plain;charset=UTF-8.
  if (!nullBody) headers.set('content-type', contentTypeFor(savedType, example.response.previewLanguage))
  if (!headers.has('access-control-allow-origin')) headers.set('access-control-allow-origin', '*')
  return [...headers]
}

/** Header lists of examples without templates, which are the same for every answer. */
const preparedHeaders = new WeakMap<
  Example,
  { withBody?: Array<[string, string]>; nullBody?: Array<[string, string]> }
>()

/**
 * Builds the answer to send for an example (spec §4.1, §4.2, §4.5). Without `answer` the example's
 * saved body and headers are sent, and the checked header list is reused from the first answer.
 */
export function buildResponse(
  example: Example,
  answer: RenderedAnswer | undefined,
  method: string,
  coerceUnknown = false,
): PostmanAnswer {
  const { code, status } = example.response
  const nullBody = NULL_BODY.has(code) || method === 'HEAD'
  let headers: Array<[string, string]>
  if (answer) headers = answerHeaders(example, answer, nullBody)
  else {
    let cached = preparedHeaders.get(example)
    if (!cached) {
      cached = {}
      preparedHeaders.set(example, cached)
    }
    const key = nullBody ? 'nullBody' : 'withBody'
    headers = cached[key] ??= answerHeaders(example, example.response, nullBody)
  }
  const statusCode = coerceUnknown && !KNOWN_STATUS.has(code) ? 200 : Math.max(code, 200)
  return plainAnswer(
    statusCode,
    status && REASON.test(status) ? status : '',
    new Headers(headers),
    nullBody ? null : (answer ?? example.response).body,
  )
}

/** A permissive answer to a CORS preflight for which no OPTIONS example exists (spec §4.5). */
export function preflightResponse(request: Request): PostmanAnswer {
  const headers = new Headers({
    'access-control-allow-origin': request.headers.get('origin') ?? '*',
    'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': request.headers.get('access-control-request-headers') ?? '*',
    'access-control-max-age': '86400',
  })
  return plainAnswer(204, '', headers, null)
}
