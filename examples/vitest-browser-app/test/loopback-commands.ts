/**
 * Browser commands (they run in Node, called from the page) for a loopback HTTP server that counts
 * the connections it accepts: the proof that a refused request never left the browser.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

let server: Server | undefined
let connections = 0

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Starts the loopback server once; resolves with its origin, e.g. `http://127.0.0.1:40123`. */
    loopbackOrigin: () => Promise<string>
    /** How many TCP connections the loopback server has accepted so far. */
    loopbackConnections: () => Promise<number>
  }
}

export const loopbackCommands = {
  async loopbackOrigin(): Promise<string> {
    if (!server) {
      const started = createServer((_request, response) => response.end('real server'))
      started.on('connection', () => connections++)
      await new Promise<void>((done) => started.listen(0, '127.0.0.1', done))
      started.unref() // never keeps Vitest alive
      server = started
    }
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  },
  async loopbackConnections(): Promise<number> {
    return connections
  },
}
