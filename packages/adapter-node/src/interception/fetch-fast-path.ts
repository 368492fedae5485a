import type { HttpVerdict } from './glossary.js'

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
const MAX_REDIRECTS = 20
/** Headers a redirect to another origin must not carry along (as the Fetch standard drops them). */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization']

type Fetch = typeof globalThis.fetch
type Decide = (request: Request) => Promise<HttpVerdict>

function networkError(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause })
}

/** Resolves with `promise`, or rejects with the signal's reason as soon as it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  // Whatever `promise` does after an abort (core rejects too) is no one's concern: never unhandled.
  promise.catch(() => {})
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason)
      return
    }
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

/** A fetch `Response` says which URL answered it; one built in-process needs telling. */
function answeredFrom(response: Response, url: string, redirected: boolean): Response {
  Object.defineProperty(response, 'url', { value: url, configurable: true })
  if (redirected) Object.defineProperty(response, 'redirected', { value: true, configurable: true })
  return response
}

/** The request a followed redirect sends next (method and body rules of the Fetch standard). */
function nextHop(request: Request, replay: Request | undefined, response: Response): Request {
  const location = new URL(response.headers.get('location') ?? '', request.url)
  const { status } = response
  const toGet =
    (status === 303 && request.method !== 'HEAD') ||
    ((status === 301 || status === 302) && request.method === 'POST')
  const headers = new Headers(request.headers)
  if (location.origin !== new URL(request.url).origin)
    for (const name of CREDENTIAL_HEADERS) headers.delete(name)
  if (toGet) {
    headers.delete('content-type')
    headers.delete('content-length')
  }
  return new Request(location, {
    method: toGet ? 'GET' : request.method,
    headers,
    body: toGet ? null : (replay?.body ?? null),
    redirect: request.redirect,
    signal: request.signal,
    ...(replay?.body && !toGet ? { duplex: 'half' } : {}),
  } as RequestInit)
}

/** Under jsdom a relative URL (`fetch('/api/users')`) means one on the page's origin, as in a browser. */
function againstPage(input: RequestInfo | URL): RequestInfo | URL {
  const page = (globalThis as { location?: { href?: unknown } }).location?.href
  if (typeof input !== 'string' || typeof page !== 'string' || URL.canParse(input)) return input
  return new URL(input, page)
}

/**
 * Replaces `globalThis.fetch` with one that asks `decide` first: an answered request never builds a
 * socket (about 10× cheaper than the socket layer, and cheaper than a loopback round trip); a
 * passed-through one goes to the fetch that was there before. Returns the function that puts that
 * fetch back. Clients that kept a reference to the old fetch still reach the socket layer.
 */
export function patchGlobalFetch(decide: Decide): () => void {
  const original: Fetch = globalThis.fetch

  const send = async (request: Request, hops: number): Promise<Response> => {
    if (request.signal.aborted) throw request.signal.reason
    const replay = request.body && request.redirect === 'follow' ? request.clone() : undefined
    const verdict = await abortable(decide(request), request.signal)
    if (verdict.kind === 'passthrough') return original(request)
    if (verdict.kind === 'refuse' || verdict.kind === 'fail') throw networkError(verdict.error)
    const { response } = verdict
    // `Response.error()` is a network error, as msw and the socket layer read it: fetch rejects.
    if (response.type === 'error') throw networkError(new Error('network error'))
    const redirects = REDIRECT_STATUSES.has(response.status) && response.headers.has('location')
    if (!redirects || request.redirect === 'manual') return answeredFrom(response, request.url, hops > 0)
    if (request.redirect === 'error')
      throw networkError(new Error(`unexpected redirect to ${response.headers.get('location')}`))
    if (hops >= MAX_REDIRECTS) throw networkError(new Error('redirect count exceeded'))
    return send(nextHop(request, replay, response), hops + 1)
  }

  const postmockFetch: Fetch = (input, init) => {
    try {
      return send(new Request(againstPage(input), init), 0)
    } catch (error) {
      return Promise.reject(error)
    }
  }
  globalThis.fetch = postmockFetch
  return () => {
    if (globalThis.fetch === postmockFetch) globalThis.fetch = original
  }
}
