/**
 * "The network" for interception tests, on loopback only: a server that counts the connections it
 * accepts, DNS lookups counted (a `.invalid` host must never be looked up), and raw socket exchanges.
 */
import dns from 'node:dns'
import { request as httpsRequest } from 'node:https'
import net, { type AddressInfo } from 'node:net'
import tls from 'node:tls'
import { afterAll, beforeAll } from 'vitest'

/** A loopback server that counts the connections it accepts; it answers HTTP and echoes other bytes. */
export async function countingServer() {
  let count = 0
  const server = net.createServer((socket) => {
    count++
    socket.once('data', (chunk) => {
      const text = chunk.toString('latin1')
      socket.end(
        /^[A-Z]+ \S+ HTTP\/1\.1\r\n/.test(text)
          ? 'HTTP/1.1 200 OK\r\nContent-Length: 11\r\nConnection: close\r\n\r\nreal server'
          : `echo ${text}`,
      )
    })
    socket.on('error', () => {})
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    port,
    get count() {
      return count
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  }
}

/** Counts `dns.lookup` calls (by host) while the calling test file runs; the lookups still happen. */
export function countLookups(): string[] {
  const lookups: string[] = []
  const realLookup = dns.lookup
  beforeAll(() => {
    dns.lookup = ((host: string, ...rest: unknown[]) => {
      lookups.push(host)
      return (realLookup as (...args: unknown[]) => unknown)(host, ...rest)
    }) as typeof dns.lookup
  })
  afterAll(() => {
    dns.lookup = realLookup
  })
  return lookups
}

/** Opens a raw connection, writes `bytes` once connected, and resolves with what happened. */
export function rawExchange(connect: () => net.Socket, bytes?: string): Promise<string> {
  return new Promise((done) => {
    const socket = connect()
    let received = ''
    socket.on(socket instanceof tls.TLSSocket ? 'secureConnect' : 'connect', () => {
      if (bytes) socket.write(bytes)
    })
    socket.on('data', (chunk) => {
      received += chunk
    })
    socket.on('error', (error) => done(`error: ${error.message}`))
    socket.on('close', () => done(received))
  })
}

/** The status of a GET sent with a named import of `node:https` (a copy Jest's ESM takes before any patch). */
export function httpsStatus(url: string): Promise<number | undefined> {
  return new Promise((done, fail) => {
    httpsRequest(url, (response) => {
      response.resume()
      done(response.statusCode)
    })
      .on('error', fail)
      .end()
  })
}
