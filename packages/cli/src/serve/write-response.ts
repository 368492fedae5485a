import type { ServerResponse } from 'node:http'
import type { PostmanAnswer } from '@postmock/core'
import { sendableHeader, sendableStatusText } from './sendable.js'

/** A header of the answer that HTTP cannot carry, left out of what was sent. */
export interface DroppedHeader {
  name: string
  value: string
}

/**
 * Writes core's answer to a Node response: status, status text, headers and the whole body, in one
 * `writeHead` with a flat header list (the order Fetch headers iterate in: sorted names, `set-cookie`
 * lines after them, then `content-length`), the bytes `respond()`'s `Response` would carry. A header
 * Node would refuse (a control character rendered from the request into a value, say) is left out and
 * returned, so the status line is never changed by a failed write. Returns `undefined` when every
 * header was sent.
 *
 * @example
 * const dropped = writeAnswer(response, await mock.answer(request), 'GET')
 * if (dropped) warn(dropped)
 */
export function writeAnswer(
  target: ServerResponse,
  answer: Pick<PostmanAnswer, 'status' | 'statusText' | 'headers'> & { body: string | Uint8Array | null },
  method: string,
): DroppedHeader[] | undefined {
  const { status, statusText, headers, body } = answer
  const bodyless = status === 204 || status === 304 || status < 200
  const length = body === null ? '0' : String(Buffer.byteLength(body))
  const flat: string[] = []
  let dropped: DroppedHeader[] | undefined
  let lengthSent = false
  let cookies = false
  const add = (name: string, value: string) => {
    if (sendableHeader(name, value)) flat.push(name, value)
    else {
      dropped ??= []
      dropped.push({ name, value })
    }
  }
  for (const [name, value] of headers) {
    if (name === 'set-cookie') cookies = true
    else if (name === 'content-length') {
      if (!bodyless) flat.push(name, length)
      lengthSent = true
    } else add(name, value)
  }
  if (cookies) for (const cookie of headers.getSetCookie()) add('set-cookie', cookie)
  if (!bodyless && !lengthSent) flat.push('content-length', length)
  if (target.destroyed) return dropped
  if (sendableStatusText(statusText)) target.writeHead(status, statusText, flat)
  else target.writeHead(status, flat)
  target.end(bodyless || method === 'HEAD' || body === null ? undefined : body)
  return dropped
}
