// #10: request bodies over --max-body get 413 in Postman's error style, unread, and memory stays bounded.
import { describe, expect, it } from 'vitest'
import { COLLECTION, ENVIRONMENT, memoryMiB, openConnection, until } from './serve-kit.js'
import { rawRequest, startServe } from './serve-process.js'

const TOO_LARGE = {
  error: {
    name: 'payloadTooLargeError',
    message:
      'The request body is larger than 1 KB, the most this server reads. Send a smaller body, or start postmock serve with a larger --max-body.',
  },
}

describe('postmock serve --max-body', () => {
  it('answers 413 to a body over the limit, by Content-Length or chunked, and reads one at the limit', async () => {
    const server = await startServe([COLLECTION, '--environment', ENVIRONMENT, '--max-body', '1kb'])
    try {
      const declared = await rawRequest(
        server.port,
        ['POST /users/1 HTTP/1.1', 'Host: localhost'],
        'x'.repeat(1025),
      )
      expect(declared.status).toBe(413)
      expect(declared.statusText).toBe('Payload Too Large')
      expect(declared.headers['content-type']).toBe('application/json; charset=utf-8')
      expect(declared.headers.connection).toBe('close')
      expect(JSON.parse(declared.body)).toEqual(TOO_LARGE)

      // chunked: no length up front; the server stops at the chunk that passes the limit
      const chunked = await openConnection(
        server.port,
        'POST /users/1 HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n',
      )
      for (let i = 0; i < 4; i++) chunked.socket.write(`200\r\n${'y'.repeat(512)}\r\n`)
      await chunked.closed
      expect(chunked.received()).toMatch(/^HTTP\/1\.1 413 Payload Too Large\r\n/)
      expect(chunked.received()).toContain('"name":"payloadTooLargeError"')

      const atLimit = await rawRequest(
        server.port,
        ['POST /users/1 HTTP/1.1', 'Host: localhost'],
        'z'.repeat(1024),
      )
      expect(atLimit.status).toBe(404) // read, matched: no POST example
      expect(JSON.parse(atLimit.body).error.name).toBe('mockRequestNotFoundError')

      // no body at all (no Content-Length, no Transfer-Encoding): Node hands over an ended stream
      const empty = await rawRequest(server.port, ['POST /users/1 HTTP/1.1', 'Host: localhost'])
      expect(empty.status).toBe(404)

      const fetched = await fetch(`${server.origin}/users/1`, { method: 'PUT', body: 'w'.repeat(4096) })
      expect(fetched.status).toBe(413)
      expect(await fetched.json()).toEqual(TOO_LARGE)

      const after = await fetch(`${server.origin}/users/1`)
      expect(after.status).toBe(200)
      await after.arrayBuffer()
      await until(
        () => /PUT \/users\/1 → 413 request body over --max-body \(1 KB\), not kept/.test(server.stdout()),
        'the 413 log line',
      )
    } finally {
      await server.stop()
    }
  })

  it.skipIf(process.platform !== 'linux')(
    'keeps memory bounded: ten parallel 50 MB uploads against the default 10 MB limit',
    async () => {
      const server = await startServe([COLLECTION, '--environment', ENVIRONMENT])
      try {
        const pid = server.child.pid!
        const warm = await fetch(`${server.origin}/users/1`)
        await warm.arrayBuffer()
        const before = memoryMiB(pid)
        const big = new Uint8Array(50 * 1024 * 1024)
        const streamed = () => {
          let sent = 0
          return new ReadableStream<Uint8Array>({
            pull(controller) {
              if (sent >= big.length) return controller.close()
              controller.enqueue(big.subarray(sent, sent + 65536))
              sent += 65536
            },
          })
        }
        const upload = async (chunked: boolean) => {
          try {
            const response = await fetch(`${server.origin}/users/1`, {
              method: 'POST',
              body: chunked ? streamed() : big,
              ...(chunked ? { duplex: 'half' } : {}),
            } as RequestInit)
            await response.arrayBuffer()
            return response.status
          } catch (error) {
            return `failed: ${(error as Error).cause ?? error}`
          }
        }
        const statuses = await Promise.all([
          ...Array.from({ length: 5 }, () => upload(false)),
          ...Array.from({ length: 5 }, () => upload(true)),
        ])
        expect(statuses).toEqual(Array(10).fill(413))
        const after = memoryMiB(pid)
        // Before the limit, five 50 MB bodies cost 763 MiB. Now at most 10 MB each is read, then let go.
        expect(
          after.peak - before.peak,
          `peak RSS ${before.peak.toFixed(0)} → ${after.peak.toFixed(0)} MiB`,
        ).toBeLessThan(160)
        const still = await fetch(`${server.origin}/users/1`)
        expect(still.status).toBe(200)
        await still.arrayBuffer()
      } finally {
        await server.stop()
      }
    },
    60_000,
  )
})
