/**
 * Test kit for recording (issue 11): a real HTTP server on 127.0.0.1 standing in for the API, and a
 * small collection (in Postman's export layout: tabs, no final newline) to record into.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createPostmanMock } from '@postmock/core'

/** What the fake API received. */
export interface ReceivedRequest {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: string
}

/**
 * The fake API: `GET /users/:id` (JSON; `drift` changes its shape), `GET /users/:id/posts` (JSON; `drift` renames a field), `GET /things/:name` (JSON),
 * `GET /health` (text), `POST /sessions` (a token in the body, a `Set-Cookie`, needs `Authorization`).
 * Every answer carries a `Date` header, as real servers do.
 *
 * @example
 * const api = await startFakeApi()
 * api.drift = true
 * await api.close()
 */
export async function startFakeApi() {
  const received: ReceivedRequest[] = []
  const state = { drift: false }
  const server = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => {
      body += chunk
    })
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body })
      const url = new URL(request.url ?? '/', 'http://api')
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'Content-Type': 'application/json', ...headers })
        response.end(JSON.stringify(value))
      }
      const user = /^\/users\/([^/]+)$/.exec(url.pathname)
      const thing = /^\/things\/([^/]+)$/.exec(url.pathname)
      const posts = /^\/users\/([^/]+)\/posts$/.exec(url.pathname)
      if (request.method === 'GET' && user) {
        const id = user[1]!
        json(
          200,
          state.drift
            ? { id: String(id), name: `User ${id}`, email: `${id}@example.com` }
            : { id: Number(id), name: `User ${id}` },
        )
      } else if (request.method === 'GET' && posts) {
        json(200, [state.drift ? { id: 1, heading: 'Hello' } : { id: 1, title: 'Hello' }])
      } else if (request.method === 'GET' && thing) json(200, { name: thing[1] })
      else if (request.method === 'GET' && url.pathname === '/health') {
        response.writeHead(200, { 'Content-Type': 'text/plain' })
        response.end('ok')
      } else if (request.method === 'POST' && url.pathname === '/sessions') {
        if (!request.headers.authorization) json(401, { error: 'unauthorized' })
        else
          json(
            201,
            { token: 'secret-token-123', user: 'ada' },
            { 'Set-Cookie': 'sid=secret-cookie; HttpOnly' },
          )
      } else json(404, { error: 'not found' })
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    received,
    get drift() {
      return state.drift
    },
    set drift(value: boolean) {
      state.drift = value
    },
    /** How many requests reached the API for this path (query ignored). */
    hits: (path: string) => received.filter((entry) => entry.url.split('?')[0] === path).length,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

/** A port on 127.0.0.1 that nothing listens on (a server's, closed again): a connection to it is refused. */
export async function closedPort(): Promise<number> {
  const server = http.createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  await new Promise((done) => server.close(done))
  return port
}

const URL_USERS = { raw: '{{baseUrl}}/users/:id', host: ['{{baseUrl}}'], path: ['users', ':id'] }

/** The collection recorded into: `Get user` (one example, for /users/1) and `Create session` (none yet). */
export const RECORDING_COLLECTION = {
  info: {
    _postman_id: '6b1c2e4e-0000-4000-8000-000000000011',
    name: 'Recording API',
    schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
  },
  item: [
    {
      name: 'Get user',
      request: { method: 'GET', header: [], url: URL_USERS },
      response: [
        {
          id: 'saved-user-1',
          name: 'User 1',
          originalRequest: {
            method: 'GET',
            header: [],
            url: { raw: '{{baseUrl}}/users/1', host: ['{{baseUrl}}'], path: ['users', '1'] },
          },
          status: 'OK',
          code: 200,
          _postman_previewlanguage: 'json',
          header: [{ key: 'Content-Type', value: 'application/json' }],
          cookie: [],
          body: '{"id":1,"name":"User 1"}',
        },
      ],
    },
    {
      name: 'Create session',
      request: {
        method: 'POST',
        header: [{ key: 'Content-Type', value: 'application/json' }],
        url: { raw: '{{baseUrl}}/sessions', host: ['{{baseUrl}}'], path: ['sessions'] },
      },
      response: [],
    },
  ],
  variable: [{ key: 'baseUrl', value: 'https://api.example.com' }],
}

/** The collection as Postman exports it: tab indent, no final newline. */
export const RECORDING_COLLECTION_TEXT = JSON.stringify(RECORDING_COLLECTION, null, '\t')

// biome-ignore lint/suspicious/noExplicitAny: parsed collection JSON, read field by field
type Json = Record<string, any>

/** Every example recorded into {@link RECORDING_COLLECTION} (all but the saved `User 1`), with its item's name. */
export function recordedExamples(saved: Json): Array<{ item: string; example: Json }> {
  const folder = saved.item.find((item: Json) => item.name === 'Recorded')
  const items: Json[] = [...saved.item.filter((item: Json) => item.request), ...(folder?.item ?? [])]
  return items.flatMap((item) =>
    (item.response ?? [])
      .filter((example: Json) => example.id !== 'saved-user-1')
      .map((example: Json) => ({ item: item.name, example })),
  )
}

/**
 * Loads a recorded collection into a mock serving `origin` and sends each recorded example's
 * `originalRequest`: the examples that do not answer their own request, as `<id>: <why>` (none: `[]`).
 */
export async function examplesNotAnsweringTheirRequest(saved: Json, origin: string): Promise<string[]> {
  const mock = createPostmanMock(saved, { baseUrls: [origin], onWarning: () => {} })
  const wrong: string[] = []
  for (const { example } of recordedExamples(saved)) {
    const request = example.originalRequest
    const response = await mock.respond(
      new Request(request.url.raw.replace('{{baseUrl}}', origin), {
        method: request.method,
        body: request.body?.raw,
      }),
    )
    const answered = mock.calls().at(-1)?.example?.id
    if (response?.status !== example.code || answered !== example.id)
      wrong.push(`${example.id}: answered ${response?.status} by ${answered}`)
  }
  return wrong
}

/** The lines of a file's text that a change removed and added (trimmed): a small diff to assert on. */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const old = before.split('\n')
  const now = after.split('\n')
  return {
    removed: old.filter((line) => !now.includes(line)).map((line) => line.trim()),
    added: now.filter((line) => !old.includes(line)).map((line) => line.trim()),
  }
}
