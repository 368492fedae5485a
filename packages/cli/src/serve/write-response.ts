import type { ServerResponse } from 'node:http'
import { sendableHeader, sendableStatusText } from './sendable.js'

/** A header of the answer that HTTP cannot carry, left out of what was sent. */
export interface DroppedHeader {
  name: string
  value: string
}

/**
 * Writes a Fetch `Response` to a Node response: status, status text, headers and the whole body, in
 * one `writeHead` with a flat header list (the order the Fetch headers iterate in: sorted names,
 * `set-cookie` lines after them, then `content-length`). A header Node would refuse (a control
 * character rendered from the request into a value, say) is left out and returned, so the status
 * line is never changed by a failed write. Returns `undefined` when every header was sent.
 *
 * @example
 * const dropped = await writeResponse(response, await mock.respond(request), 'GET')
 * if (dropped) warn(dropped)
 */
export async function writeResponse(
  target: ServerResponse,
  response: Response,
  method: string,
): Promise<DroppedHeader[] | undefined> {
  const body = await response.bytes()
  const status = response.status
  const bodyless = status === 204 || status === 304 || status < 200
  const length = String(body.byteLength)
  const flat: string[] = []
  let dropped: DroppedHeader[] | undefined
  let lengthSent = false
  const add = (name: string, value: string) => {
    if (sendableHeader(name, value)) flat.push(name, value)
    else {
      dropped ??= []
      dropped.push({ name, value })
    }
  }
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue
    if (name === 'content-length') {
      if (!bodyless) flat.push(name, length)
      lengthSent = true
    } else add(name, value)
  }
  for (const cookie of response.headers.getSetCookie()) add('set-cookie', cookie)
  if (!bodyless && !lengthSent) flat.push('content-length', length)
  if (target.destroyed) return dropped
  if (sendableStatusText(response.statusText)) target.writeHead(status, response.statusText, flat)
  else target.writeHead(status, flat)
  target.end(bodyless || method === 'HEAD' ? undefined : body)
  return dropped
}
