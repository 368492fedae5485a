/** What one request to the Postman API came to. */
export type FetchOutcome =
  | { kind: 'answer'; status: number; statusText: string; headers: Headers; body: string }
  | { kind: 'timeout' }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'redirected-elsewhere'; origin: string }
  | { kind: 'too-many-redirects' }

/** Options of {@link fetchWithKey}. */
export interface FetchWithKeyOptions {
  apiKey: string
  /** How long the request may take, redirects and body included. */
  timeoutMs: number
  /** How many same-origin redirects are followed. */
  maxRedirects: number
  /** The method, `GET` by default; a write sends `body` as JSON (again after a same-origin redirect). */
  method?: string
  /** A JSON body, for `POST` and `PUT`. */
  body?: string
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? (error as Error).message
}

/**
 * Sends `url` (a GET unless `options.method` says otherwise) with the key as `X-Api-Key`. Redirects are followed only within the URL's own origin: a
 * redirect elsewhere is not followed, so the key never leaves for another server. A request that takes
 * longer than `timeoutMs` is aborted.
 */
export async function fetchWithKey(url: string, options: FetchWithKeyOptions): Promise<FetchOutcome> {
  const signal = AbortSignal.timeout(options.timeoutMs)
  const origin = new URL(url).origin
  const headers: Record<string, string> = { 'X-Api-Key': options.apiKey, accept: 'application/json' }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const method = options.method ?? 'GET'
  let current = url
  for (let hop = 0; ; hop++) {
    try {
      const response = await fetch(current, {
        method,
        headers,
        body: options.body,
        redirect: 'manual',
        signal,
      })
      const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null
      if (location === null) {
        const { status, statusText } = response
        return { kind: 'answer', status, statusText, headers: response.headers, body: await response.text() }
      }
      await response.body?.cancel()
      const next = new URL(location, current)
      if (next.origin !== origin) {
        const elsewhere = next.origin === 'null' ? `${next.protocol}//${next.host}` : next.origin
        return { kind: 'redirected-elsewhere', origin: elsewhere }
      }
      if (hop >= options.maxRedirects) return { kind: 'too-many-redirects' }
      current = next.href
    } catch (error) {
      if (signal.aborted) return { kind: 'timeout' }
      return { kind: 'unreachable', reason: reasonOf(error) }
    }
  }
}
