/** The recorder's own request to the real API, which the interception must not see. */
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { connect as netConnect, type Socket } from 'node:net'
import { connect as tlsConnect } from 'node:tls'

/** A real answer, read whole. */
export interface RealAnswer {
  status: number
  statusText: string
  /** Header pairs as received (repeats kept; names lower case). */
  headers: Array<[string, string]>
  body: Buffer
}

/**
 * `@mswjs/interceptors`' internal-connection context: a socket connected inside `run()` skips the
 * socket interceptor (every copy of it in the process; it is how the interceptors pass a request through
 * themselves). Without it (no interceptor loaded) nothing intercepts sockets anyway.
 */
interface InternalConnectionContext {
  run<T>(callback: () => T): T
}

function internally<T>(callback: () => T): T {
  const context = (globalThis as { __MSW_INTERNAL_CONNECTION_CONTEXT?: InternalConnectionContext })
    .__MSW_INTERNAL_CONNECTION_CONTEXT
  return context ? context.run(callback) : callback()
}

/** Request headers the transport sets itself (and the mock's control headers, meant for postmock). */
const NOT_FORWARDED = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'upgrade',
  'accept-encoding',
  'te',
  'trailer',
])

/**
 * Sends a request to the real API on a connection of its own, made outside the interception (so it
 * is neither answered by the collection nor refused, and no marker travels with it): `url` is the
 * target URL, `request` gives method, headers (transport headers and `x-mock-*` dropped,
 * `accept-encoding` too, so the answer comes uncompressed) and body.
 *
 * @example
 * const answer = await sendToTarget(new Request('https://staging.api.example.com/users/1'), 'https://staging.api.example.com/users/1')
 */
export async function sendToTarget(
  request: Request,
  url: string,
  body: Buffer | undefined,
): Promise<RealAnswer> {
  const target = new URL(url)
  const secure = target.protocol === 'https:'
  const headers: Record<string, string | string[]> = {}
  request.headers.forEach((value, name) => {
    if (!NOT_FORWARDED.has(name) && !name.startsWith('x-mock-')) headers[name] = value
  })
  if (body?.length) headers['content-length'] = String(body.length)
  const host = target.hostname.replace(/^\[|\]$/g, '')
  const port = Number(target.port) || (secure ? 443 : 80)
  const createConnection = (): Socket =>
    internally(() =>
      secure
        ? tlsConnect({
            host,
            port,
            servername: /^[\d.]+$|:/.test(host) ? undefined : host,
            ALPNProtocols: ['http/1.1'],
          })
        : netConnect({ host, port }),
    )
  return new Promise<RealAnswer>((resolve, reject) => {
    const send = secure ? httpsRequest : httpRequest
    const outgoing = send(
      {
        method: request.method,
        host,
        port,
        path: `${target.pathname}${target.search}`,
        headers,
        createConnection,
        signal: request.signal,
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', reject)
        response.on('end', () => {
          const pairs: Array<[string, string]> = []
          const raw = response.rawHeaders
          for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!.toLowerCase(), raw[i + 1]!])
          resolve({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            headers: pairs,
            body: Buffer.concat(chunks),
          })
        })
      },
    )
    outgoing.on('error', reject)
    outgoing.end(body?.length ? body : undefined)
  })
}
