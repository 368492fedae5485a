/**
 * Counting servers on 127.0.0.1: each records every TCP connection it accepts and the first bytes
 * received on it. An HTTP request line gets a small 200 answer ("counted") so that a leaked request
 * completes quickly; anything else (a TLS ClientHello, database bytes) gets the connection closed.
 */
import { createServer, type Server, type Socket } from 'node:net'

/** One accepted connection: what it sent first, printable (empty when it sent nothing). */
export interface Connection {
  firstBytes: string
}

export interface Counter {
  readonly port: number
  readonly connections: readonly Connection[]
  /** e.g. `2 connection(s): "GET /x HTTP/1.1", TLS handshake` */
  describe(): string
  close(): Promise<void>
}

const HTTP_REQUEST_LINE = /^[A-Z]+ \S+ HTTP\/1\.[01]\r\n/
const ANSWER =
  'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 7\r\nConnection: close\r\n\r\ncounted'

function printable(chunk: Buffer): string {
  if (chunk[0] === 0x16 && chunk[1] === 0x03) return 'TLS handshake'
  const text = chunk.subarray(0, 60).toString('latin1')
  const line = text.split('\r\n')[0] ?? ''
  return JSON.stringify(/^[\x20-\x7e]*$/.test(line) ? line : chunk.subarray(0, 16).toString('hex'))
}

/** Starts a counter on an ephemeral loopback port. */
export function startCounter(): Promise<Counter> {
  const connections: Connection[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    const connection: Connection = { firstBytes: '' }
    connections.push(connection)
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    socket.once('data', (chunk: Buffer) => {
      connection.firstBytes = printable(chunk)
      if (HTTP_REQUEST_LINE.test(chunk.toString('latin1'))) socket.end(ANSWER)
      else socket.end()
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      if (!address || typeof address === 'string') return reject(new Error('no port'))
      resolve({
        port: address.port,
        connections,
        describe: () =>
          `${connections.length} connection(s)` +
          (connections.length
            ? `: ${connections.map((c) => c.firstBytes || '(nothing sent)').join(', ')}`
            : ''),
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy()
            server.close(() => done())
          }),
      })
    })
  })
}
