import type { MockScope } from '@postmock/core'
import { authorityOf } from './interception/authority.js'
import type { ConnectionTarget } from './interception/glossary.js'
import type { Runtime } from './runtime.js'

/** The error a client gets for a refused request or connection; `code` is not one clients retry on. */
export function refusalError(report: string): Error {
  const error = new Error(report.split('\n')[0])
  Object.assign(error, { code: 'POSTMOCK_REFUSED' })
  return error
}

function servedOrigins(set: MockScope | undefined): string {
  const origins = [...new Set(set?.mocks.flatMap((mock) => mock.origins) ?? [])]
  return origins.join(', ') || 'none'
}

/** Whether an HTTP request asks to become a WebSocket. */
export function isWebSocketUpgrade(request: Request): boolean {
  return request.headers.get('upgrade')?.toLowerCase() === 'websocket'
}

/** The report for an HTTP request (or WebSocket handshake) that no collection serves. */
export function requestRefusal(runtime: Runtime, set: MockScope | undefined, request: Request): string {
  const url = new URL(request.url)
  if (isWebSocketUpgrade(request)) {
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
    return runtime.core.formatMessage(
      `open a WebSocket to ${url.href}`,
      'postmock serves HTTP from collections, not WebSocket, and connections are never sent to the network',
      `To let it reach a real server, list '${url.origin}' in passthrough`,
    )
  }
  return runtime.core.formatMessage(
    `send ${request.method} ${request.url}`,
    `its origin is not served by postmock (served: ${servedOrigins(set)}), and requests are never sent to the network`,
    `Add the origin to baseUrls, or call the mock at https://<mockId>.mock.pstmn.io. To let it reach the network instead, list it in passthrough: ['${url.origin}'] or set onUnmatched: 'bypass'`,
  )
}

/** The report for a TCP or TLS connection that carried something other than HTTP. */
export function connectionRefusal(runtime: Runtime, target: ConnectionTarget, loopback: boolean): string {
  const where = authorityOf(target)
  return runtime.core.formatMessage(
    `connect to ${where}`,
    loopback
      ? `a ${target.tls ? 'TLS' : 'TCP'} connection to loopback that is not HTTP was refused (loopbackSockets: 'refuse')`
      : `a ${target.tls ? 'TLS' : 'TCP'} connection to a host that no collection serves was refused before any DNS lookup: only HTTP to served origins is answered, and nothing is sent to the network`,
    `If the test needs this server, list '${where}' in passthrough`,
  )
}
