import type { IncomingMessage } from 'node:http'

/** What reading a request body gave: the bytes, a body over the limit, or a client that went away. */
export type BodyRead =
  | { kind: 'body'; bytes: Uint8Array<ArrayBuffer> | undefined }
  | { kind: 'too-large' }
  | { kind: 'aborted' }

function joined(chunks: Buffer[], size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return bytes
}

/**
 * Reads a request body of at most `maxBody` bytes. A `Content-Length` over the limit is refused
 * before a byte is kept; a body that grows past it (chunked) is no longer kept from the chunk that
 * passes it, and what was kept is let go. The caller answers 413 and closes the connection
 * ({@link closeAfterAnswer}).
 *
 * @example
 * const read = await readBody(request, 10 * 1024 * 1024)
 * if (read.kind === 'too-large') closeAfterAnswer(request, 5000)
 */
export function readBody(request: IncomingMessage, maxBody: number): Promise<BodyRead> {
  // With optimizeEmptyRequests, a request without Content-Length or Transfer-Encoding is ended already.
  if (request.readableEnded) return Promise.resolve({ kind: 'body', bytes: undefined })
  const declared = request.headers['content-length']
  if (declared !== undefined && Number(declared) > maxBody) return Promise.resolve({ kind: 'too-large' })
  return new Promise((resolve) => {
    let chunks: Buffer[] = []
    let size = 0
    const done = (read: BodyRead) => {
      request.off('data', onData)
      request.off('end', onEnd)
      request.off('close', onClose)
      request.off('error', onClose)
      resolve(read)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBody) {
        chunks = []
        done({ kind: 'too-large' })
      } else chunks.push(chunk)
    }
    const onEnd = () => done({ kind: 'body', bytes: size === 0 ? undefined : joined(chunks, size) })
    const onClose = () => done({ kind: 'aborted' })
    request.on('data', onData)
    request.on('end', onEnd)
    request.on('close', onClose)
    request.on('error', onClose)
  })
}

/**
 * Closes a connection once its answer is sent, when the request body was not read to its end (a 413):
 * what the client still sends is read and dropped, never kept, until the client closes or `lingerMs`
 * pass. Closing at once would reset a connection the client is still writing to, and most clients
 * (fetch, curl) then report the reset, not the 413 (a "lingering close", as nginx does).
 *
 * @example
 * closeAfterAnswer(request, 5000)
 * writeJsonError(response, tooLarge, true)
 */
export function closeAfterAnswer(request: IncomingMessage, lingerMs: number): void {
  const socket = request.socket
  request.resume()
  // Node's server calls destroySoon() after an answer with `Connection: close`.
  socket.destroySoon = () => {
    socket.end()
    const timer = setTimeout(() => socket.destroy(), lingerMs)
    timer.unref()
    socket.once('close', () => clearTimeout(timer))
  }
}
