import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { API_KEY, type FakePostmanApi, IDS, startFakePostmanApi, uid } from './fake-postman-api.js'
import { runCli } from './run-cli.js'
import { rawRequest, startServe, waitForLog } from './serve-process.js'

let api: FakePostmanApi
let dir: string

beforeAll(async () => {
  api = await startFakePostmanApi()
  dir = await mkdtemp(join(tmpdir(), 'postmock-workflow-'))
})
afterAll(async () => {
  await api.close()
  await rm(dir, { recursive: true, force: true })
})

it('the seed workflow offline: pull three mocks once, then serve them without the Postman API', async () => {
  const env = { POSTMAN_API_KEY: API_KEY, POSTMAN_API_URL: api.url }
  for (const id of [IDS.publicMock, IDS.privateMock, IDS.outageMock]) {
    const pulled = await runCli(['pull', '--mock', id, '--out', 'postman'], { cwd: dir, env })
    expect(pulled.code, pulled.stderr).toBe(0)
  }
  await api.close() // from here on, no Postman API

  const server = await startServe(['postman'], { cwd: dir, env: { POSTMAN_API_KEY: API_KEY } })
  try {
    // the public mock answers on the server's own host, uids from ?uid=true select examples
    const byUid = await fetch(`${server.origin}/users/1`, {
      headers: { 'x-mock-response-id': uid('b1b2c3d4-0000-4000-8000-000000000401') },
    })
    expect(byUid.status).toBe(401)
    await byUid.arrayBuffer()

    // the private mock, with its config: header matching on Authorization, a 3G delay (100 ms)
    const host = `Host: ${IDS.privateMock}.mock.pstmn.io`
    const key = `x-api-key: ${API_KEY}`
    expect((await rawRequest(server.port, ['GET /users/1 HTTP/1.1', host])).status).toBe(401)
    const started = Date.now()
    const ok = await rawRequest(server.port, [
      'GET /users/1 HTTP/1.1',
      host,
      key,
      'Authorization: Bearer test-token',
    ])
    expect(Date.now() - started).toBeGreaterThanOrEqual(90)
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body).name).toBe('Ada Lovelace')
    const wrongHeader = await rawRequest(server.port, [
      'GET /users/1 HTTP/1.1',
      host,
      key,
      'Authorization: Bearer other',
    ])
    expect(wrongHeader.status).toBe(404)
    await waitForLog(server, /GET \/users\/1 → 200 "Get user OK"/)

    // a mock with an active server response answers it to every call
    const outage = await rawRequest(server.port, [
      'GET /users/1 HTTP/1.1',
      `Host: ${IDS.outageMock}.mock.pstmn.io`,
    ])
    expect(outage.status).toBe(503)
    expect(outage.headers['retry-after']).toBe('120')
    expect(JSON.parse(outage.body)).toEqual({ error: 'maintenance' })
    await waitForLog(server, /GET \/users\/1 → 503 active server response \(config\.serverResponseId\)/)
  } finally {
    expect(await server.stop()).toBe(0)
  }
  const files = await readdir(join(dir, 'postman'), { recursive: true })
  for (const file of files.filter((f) => f.endsWith('.json'))) {
    expect(await readFile(join(dir, 'postman', file), 'utf8')).not.toContain(API_KEY)
  }
  expect(server.stdout() + server.stderr()).not.toContain(API_KEY)
})
