import type { IncomingMessage } from 'node:http'

const MOCK_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.mock\.pstmn\.io$/i

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

/** The `<mockId>.mock.pstmn.io` host a request names itself, if any (Host header or absolute-form URL). */
export function mockHostOf(request: IncomingMessage): string | undefined {
  const target = request.url ?? '/'
  if (/^https?:\/\//i.test(target)) {
    const host = new URL(target).hostname
    if (MOCK_HOST.test(host)) return host.toLowerCase()
  }
  const host = (request.headers.host ?? '').replace(/:\d+$/, '')
  return MOCK_HOST.test(host) ? host.toLowerCase() : undefined
}

function pathOf(target: string): string {
  if (/^https?:\/\//i.test(target)) {
    const url = new URL(target)
    return url.pathname + url.search
  }
  return target.startsWith('/') ? target : `/${target}`
}

async function readBody(request: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  if (chunks.length === 0) return undefined
  return new Uint8Array(Buffer.concat(chunks))
}

/**
 * Turns a Node request into the Fetch `Request` core answers. A request to this server is a call
 * to `https://<defaultHost><path>`; a Host header (or absolute URL) naming `<id>.mock.pstmn.io`
 * keeps that host.
 */
export async function toFetchRequest(request: IncomingMessage, defaultHost: string): Promise<Request> {
  const host = mockHostOf(request) ?? defaultHost
  const url = `https://${host}${pathOf(request.url ?? '/')}`
  const headers = new Headers()
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
  const method = (request.method ?? 'GET').toUpperCase()
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(request)
  return new Request(url, { method, headers, body })
}
