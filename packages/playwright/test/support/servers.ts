import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net'

const PAGE = readFileSync(new URL('./page.html', import.meta.url), 'utf8')

/** A tiny app server on 127.0.0.1: `/` is the test page, `/text` answers plain text; it counts every request. */
export interface AppServer {
  url: string
  hits: string[]
  close(): Promise<void>
}

function listen(server: Server | TcpServer): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : 0)
    })
  })
}

export async function startAppServer(): Promise<AppServer> {
  const hits: string[] = []
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`)
    if (request.url?.startsWith('/text')) {
      response.writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' })
      response.end('real loopback answer')
      return
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(PAGE)
  })
  const port = await listen(server)
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** A TCP server on 127.0.0.1 that only counts connections: it must see none when a request is refused. */
export interface Sentinel {
  port: number
  connections(): number
  close(): Promise<void>
}

export async function startSentinel(): Promise<Sentinel> {
  let count = 0
  const server = createTcpServer((socket) => {
    count += 1
    socket.destroy()
  })
  const port = await listen(server)
  return {
    port,
    connections: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
