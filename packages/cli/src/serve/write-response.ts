import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'

/** Whether Node accepts this text as a status message (no control or non-Latin-1 characters). */
function validStatusText(text: string): boolean {
  return text.length > 0 && /^[\t\x20-\x7e\x80-\xff]*$/.test(text)
}

/** Writes a Fetch `Response` to a Node response: status, status text, headers and the whole body. */
export async function writeResponse(
  target: ServerResponse,
  response: Response,
  method: string,
): Promise<number> {
  const headers: OutgoingHttpHeaders = {}
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue
    headers[name] = value
  }
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  const body = Buffer.from(await response.arrayBuffer())
  const status = response.status
  const bodyless = status === 204 || status === 304 || status < 200
  if (!bodyless) headers['content-length'] = String(body.byteLength)
  else delete headers['content-length']
  if (validStatusText(response.statusText)) target.writeHead(status, response.statusText, headers)
  else target.writeHead(status, headers)
  target.end(bodyless || method === 'HEAD' ? undefined : body)
  return body.byteLength
}
