import type { IncomingMessage } from 'node:http'

const MOCK_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.mock\.pstmn\.io$/i
const ABSOLUTE = /^https?:\/\//i
const SLASH = 47

/** Headers that describe this hop, not the request; Fetch sets its own. */
const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'content-length',
  'expect',
])

const MOCK_SUFFIX = '.mock.pstmn.io'

function mockHostIn(host: string): string | undefined {
  const lower = host.toLowerCase()
  if (!lower.includes(MOCK_SUFFIX)) return undefined
  const name = lower.replace(/:\d+$/, '')
  return MOCK_HOST.test(name) ? name : undefined
}

/** The Host header, read from the raw list (Node builds `request.headers` only when asked). */
function hostHeader(raw: string[]): string | undefined {
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!
    if (name.length === 4 && name.toLowerCase() === 'host') return raw[i + 1]
  }
  return undefined
}

/**
 * The `<mockId>.mock.pstmn.io` host a request names itself, if any (Host header or absolute-form URL).
 *
 * @example
 * mockHostOf(request) // 'abc123.mock.pstmn.io' for `Host: abc123.mock.pstmn.io`, else undefined
 */
function mockHostOf(request: IncomingMessage): string | undefined {
  const target = request.url ?? '/'
  if (target.charCodeAt(0) !== SLASH && ABSOLUTE.test(target)) {
    const host = mockHostIn(new URL(target).hostname)
    if (host) return host
  }
  const host = hostHeader(request.rawHeaders)
  return host === undefined ? undefined : mockHostIn(host)
}

function pathOf(target: string): string {
  if (target.charCodeAt(0) === SLASH) return target
  if (ABSOLUTE.test(target)) {
    const url = new URL(target)
    return url.pathname + url.search
  }
  return target.startsWith('/') ? target : `/${target}`
}

/**
 * Turns a Node request (and its body, read already) into the Fetch `Request` core answers. A request
 * to this server is a call to `https://<defaultHost><path>`; a Host header (or absolute URL) naming
 * `<id>.mock.pstmn.io` keeps that host. The headers are appended to the new request's own list, in
 * the client's order, which costs less than building a `Headers` for the constructor to copy.
 *
 * @example
 * const fetchRequest = toFetchRequest(request, 'postmock.mock.pstmn.io', undefined)
 * await mock.respond(fetchRequest)
 */
export function toFetchRequest(
  request: IncomingMessage,
  defaultHost: string,
  body: Uint8Array<ArrayBuffer> | undefined,
): Request {
  const host = mockHostOf(request) ?? defaultHost
  const url = `https://${host}${pathOf(request.url ?? '/')}`
  const method = request.method ?? 'GET'
  const fetchRequest = new Request(url, body ? { method, body } : { method })
  const headers = fetchRequest.headers
  const raw = request.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!
    if (HOP_BY_HOP.has(name.toLowerCase())) continue
    try {
      headers.append(name, raw[i + 1]!)
    } catch {
      // a header Fetch refuses (invalid characters) cannot reach core anyway
    }
  }
  return fetchRequest
}
