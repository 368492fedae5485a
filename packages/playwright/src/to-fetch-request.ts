import type { RequestLike } from './playwright-like.js'

const BODYLESS = new Set(['GET', 'HEAD'])

/**
 * Turns the request a Playwright route intercepted into a Fetch `Request` that core understands:
 * URL, method, every header Chromium will send, and the body for methods that carry one.
 */
export async function toFetchRequest(request: RequestLike): Promise<Request> {
  const method = request.method().toUpperCase()
  const headers = new Headers()
  for (const [name, value] of Object.entries(await request.allHeaders())) {
    // HTTP/2 pseudo headers (`:authority`) and anything else Fetch refuses are not part of matching.
    if (name.startsWith(':')) continue
    try {
      headers.append(name, value)
    } catch {
      // an invalid header name or value: leave it out
    }
  }
  const buffer = BODYLESS.has(method) ? null : request.postDataBuffer()
  return new Request(request.url(), {
    method,
    headers,
    body: buffer && buffer.byteLength > 0 ? new Uint8Array(buffer) : undefined,
  })
}

/** Response headers for `route.fulfill()`; several `Set-Cookie` lines are joined by newlines as Playwright expects. */
export function toFulfillHeaders(headers: Headers): Record<string, string> {
  const result: Record<string, string> = {}
  headers.forEach((value, name) => {
    if (name !== 'set-cookie') result[name] = value
  })
  const cookies = headers.getSetCookie()
  if (cookies.length > 0) result['set-cookie'] = cookies.join('\n')
  return result
}
