import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const schema = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
const JSON_HEADER = [{ key: 'Content-Type', value: 'application/json' }]

function item(
  name: string,
  method: string,
  url: string,
  examples: Array<Record<string, unknown>>,
  body?: string,
) {
  const request = { method, url, ...(body ? { body: { mode: 'raw', raw: body }, header: JSON_HEADER } : {}) }
  return {
    name,
    request,
    response: examples.map((example) => ({ originalRequest: request, header: JSON_HEADER, ...example })),
  }
}

/** A collection whose examples the stand-in API below answers: some as saved, some drifted. */
export const VERIFY_COLLECTION = {
  info: { name: 'Shop API', schema },
  item: [
    {
      name: 'Users',
      item: [
        item('Get user', 'GET', '{{baseUrl}}/users/{{userId}}', [
          {
            name: 'User',
            code: 200,
            body: '{"id":1,"name":"Ada","email":"ada@example.com","tags":["admin"]}',
          },
        ]),
        item('Get changed user', 'GET', '{{baseUrl}}/users/2', [
          { name: 'User', code: 200, body: '{"id":2,"name":"Bob","email":"bob@example.com"}' },
        ]),
        item('Get deleted user', 'GET', '{{baseUrl}}/users/3', [
          { name: 'Gone', code: 404, body: '{"error":"not found"}' },
        ]),
        item(
          'Create user',
          'POST',
          '{{baseUrl}}/users',
          [{ name: 'Created', code: 201, body: '{"id":4}' }],
          '{"name":"Eve"}',
        ),
        item('Get by token', 'GET', '{{baseUrl}}/users/{{unknownId}}', [
          { name: 'User', code: 200, body: '{}' },
        ]),
      ],
    },
    item('Home page', 'GET', '{{baseUrl}}/home', [
      {
        name: 'Page',
        code: 200,
        header: [{ key: 'Content-Type', value: 'text/html' }],
        body: '<h1>Shop</h1>',
      },
    ]),
    item('Health', 'HEAD', '{{baseUrl}}/health', [{ name: 'Up', code: 200, body: '' }]),
  ],
}

export const VERIFY_ENVIRONMENT = {
  name: 'staging',
  values: [
    { key: 'baseUrl', value: 'https://staging.api.example.com', enabled: true },
    { key: 'userId', value: '1', enabled: true },
  ],
}

/** A request the stand-in API received. */
export interface ApiHit {
  method: string
  url: string
  authorization: string | undefined
  body: string
}

/** The stand-in for the real API on 127.0.0.1. */
export interface StandInApi {
  url: string
  hits: ApiHit[]
  /** The most requests that were in flight at once. */
  maxInFlight: number
  close(): Promise<void>
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

/**
 * Starts the stand-in API. `/users/1` and `/users/4` answer as their examples (other values);
 * `/users/2` drifted (id a string, email gone, a new key); `/users/3` still exists (200, not 404);
 * `/home` became JSON; `/slow/<n>` requests are held until `holdUntil` of them are in flight (or
 * every one of `slowTotal` arrived), which shows the client's concurrency without any timing.
 */
export async function startStandInApi(
  options: { holdUntil?: number; slowTotal?: number } = {},
): Promise<StandInApi> {
  const hits: ApiHit[] = []
  let inFlight = 0
  let slowSeen = 0
  let held: Array<() => void> = []
  const api = { url: '', hits, maxInFlight: 0, close: async () => {} }
  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', 'http://stand-in')
    hits.push({
      method: req.method ?? '',
      url: url.pathname + url.search,
      authorization: req.headers.authorization,
      body,
    })
    const path = url.pathname
    if (path.startsWith('/slow/')) {
      slowSeen++
      held.push(() => json(res, 200, { n: Number(path.slice(6)) }))
      if (held.length >= (options.holdUntil ?? 1) || slowSeen >= (options.slowTotal ?? 0)) {
        const release = held
        held = []
        for (const answer of release) answer()
      }
      return
    }
    if (path === '/users/1')
      return json(res, 200, { id: 11, name: 'Grace', email: 'grace@example.com', tags: [] })
    if (path === '/users/2') return json(res, 200, { id: '2', name: 'Bob', nickname: 'bobby' })
    if (path === '/users/3') return json(res, 200, { id: 3, name: 'Carl' })
    if (path === '/users' && req.method === 'POST') return json(res, 201, { id: 99 })
    if (path === '/home') return json(res, 200, { page: 'home' })
    if (path === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' })
      return res.end()
    }
    json(res, 404, { error: 'no route' })
  }
  const server: Server = createServer((req, res) => {
    inFlight++
    api.maxInFlight = Math.max(api.maxInFlight, inFlight)
    res.on('finish', () => inFlight--)
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => handle(req, res, body))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  api.close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections()
      server.close(() => done())
    })
  return api
}

/** Writes the files into a fresh folder; returns it and a remover. */
export async function writeFiles(
  files: Record<string, unknown>,
): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'postmock-verify-'))
  for (const [name, value] of Object.entries(files))
    await writeFile(join(dir, name), JSON.stringify(value, null, 2))
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}
