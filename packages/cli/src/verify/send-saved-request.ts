import type { SavedRequest } from '@postmock/core'

/** What sending one saved request to the real API came to. */
export type SendOutcome =
  | { kind: 'answer'; status: number; contentType: string | undefined; body: string }
  | { kind: 'error'; reason: string }

/** Headers fetch sets itself or refuses; a saved copy of them is not sent. */
const NOT_SENT = new Set([
  'host',
  'content-length',
  'connection',
  'transfer-encoding',
  'keep-alive',
  'upgrade',
  'expect',
])

/** A path segment as it goes on the wire: what RFC 3986 allows in a segment stays, the rest is %-encoded. */
function encodeSegment(segment: string): string {
  return segment.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]/gu, (char) => {
    try {
      return encodeURIComponent(char)
    } catch {
      return '%EF%BF%BD' // a lone surrogate: U+FFFD, as TextEncoder would send it
    }
  })
}

/**
 * The URL a saved request goes to: the base URL, then the saved path (its host was the saved one,
 * `{{baseUrl}}` or a mock's) and query.
 *
 * @example
 * requestUrl('http://127.0.0.1:8080', { path: '/users/1', query: [['q', 'a b']], … }) // 'http://127.0.0.1:8080/users/1?q=a+b'
 */
export function requestUrl(baseUrl: string, request: Pick<SavedRequest, 'path' | 'query'>): string {
  const path = request.path.split('/').map(encodeSegment).join('/')
  const search = request.query.length > 0 ? `?${new URLSearchParams(request.query).toString()}` : ''
  return `${baseUrl}${path}${search}`
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  // undici's message would quote the header (maybe a token); its code and a word say enough
  if (cause?.code === 'UND_ERR_INVALID_ARG') return 'a header HTTP cannot carry (UND_ERR_INVALID_ARG)'
  return cause?.code ?? cause?.message ?? (error as Error).message
}

/**
 * Sends one saved request (its headers, then `extraHeaders` over them; its body unless GET or HEAD),
 * following no redirect (a saved 302 is compared as a 302), and reads the answer.
 */
export async function sendSavedRequest(
  url: string,
  request: SavedRequest,
  extraHeaders: ReadonlyArray<[string, string]>,
  timeoutMs: number,
): Promise<SendOutcome> {
  const headers = new Headers()
  for (const [name, value] of [...request.headers.filter(([name]) => !NOT_SENT.has(name)), ...extraHeaders]) {
    try {
      headers.set(name, value)
    } catch {
      // Fetch's message would quote the value, which may be a token: only the name is told
      return { kind: 'error', reason: `the header "${name}" has a name or value HTTP cannot carry` }
    }
  }
  const signal = AbortSignal.timeout(timeoutMs)
  try {
    const withBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== undefined
    const response = await fetch(url, {
      method: request.method,
      headers,
      redirect: 'manual',
      signal,
      ...(withBody ? { body: request.body } : {}),
    })
    const contentType = response.headers.get('content-type') ?? undefined
    return { kind: 'answer', status: response.status, contentType, body: await response.text() }
  } catch (error) {
    if (signal.aborted) return { kind: 'error', reason: `no answer within ${timeoutMs} ms` }
    return { kind: 'error', reason: reasonOf(error) }
  }
}
