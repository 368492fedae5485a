import type { ServerResponse } from 'node:http'

/** The error answers `serve` sends itself, in Postman's error style: `{"error":{"name","message"}}`. */
export interface JsonError {
  status: number
  statusText: string
  name: string
  message: string
}

/** A `Host` naming a mock the config does not hold: Postman's own answer for an unknown mock id. */
export const MOCK_NOT_FOUND: JsonError = {
  status: 404,
  statusText: 'Not Found',
  name: 'mockNotFoundError',
  message: 'Please refresh and try again.',
}

/**
 * Writes one of {@link JsonError}'s answers, with its status text spelled out (never a status text
 * left over from a failed write), unless the response is already under way or gone. With `close`,
 * the connection is closed after it (a body left unread is not read).
 *
 * @example
 * writeJsonError(response, MOCK_NOT_FOUND)
 */
export function writeJsonError(target: ServerResponse, error: JsonError, close = false): void {
  if (target.headersSent || target.destroyed) return
  const body = JSON.stringify({ error: { name: error.name, message: error.message } })
  if (close) target.shouldKeepAlive = false
  target.writeHead(error.status, error.statusText, [
    'content-type',
    'application/json; charset=utf-8',
    'content-length',
    String(Buffer.byteLength(body)),
  ])
  target.end(body)
}
