import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_API_PATH, TEST_ENV_PATH } from './fake-postman-api.js'
import { runCli } from './run-cli.js'
import { isListening, rawRequest, type ServeProcess, startServe, waitForLog } from './serve-process.js'

const COLLECTION = fileURLToPath(TEST_API_PATH)
const ENVIRONMENT = fileURLToPath(TEST_ENV_PATH)
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url))
const NOT_FOUND = {
  error: {
    name: 'mockRequestNotFoundError',
    message: 'Double check your method and the request path and try again.',
    header: 'No matching requests',
  },
}
const ADA = { id: 1, name: 'Ada Lovelace', email: 'ada@example.com' }
const UNAUTHORIZED = { error: 'unauthorized', message: 'Missing or invalid token' }

describe('postmock serve <collection>', () => {
  let server: ServeProcess

  beforeAll(async () => {
    server = await startServe([COLLECTION, '--environment', ENVIRONMENT])
  })
  afterAll(async () => {
    if (server.child.exitCode === null) await server.stop()
  })

  it('answers the seed cases through fetch like the hosted mock', async () => {
    const plain = await fetch(`${server.origin}/users/1`)
    expect(plain.status).toBe(200)
    expect(plain.statusText).toBe('OK')
    expect(plain.headers.get('content-type')).toBe('application/json')
    expect(plain.headers.get('access-control-allow-origin')).toBe('*')
    expect(await plain.json()).toEqual(ADA)

    const byCode = await fetch(`${server.origin}/users/1`, { headers: { 'x-mock-response-code': '401' } })
    expect(byCode.status).toBe(401)
    expect(byCode.statusText).toBe('Unauthorized')
    expect(await byCode.json()).toEqual(UNAUTHORIZED)

    const byName = await fetch(`${server.origin}/users/1`, {
      headers: { 'x-mock-response-name': 'Unauthorized' },
    })
    expect(byName.status).toBe(401)
    expect(await byName.json()).toEqual(UNAUTHORIZED)

    const byId = await fetch(`${server.origin}/users/7`, {
      headers: { 'x-mock-response-id': 'b1b2c3d4-0000-4000-8000-000000000401' },
    })
    expect(byId.status).toBe(401)

    const unmatched = await fetch(`${server.origin}/nothing/here`)
    expect(unmatched.status).toBe(404)
    expect(await unmatched.json()).toEqual(NOT_FOUND)

    const wrongMethod = await fetch(`${server.origin}/users/1`, { method: 'DELETE' })
    expect(wrongMethod.status).toBe(404)
    await wrongMethod.arrayBuffer()

    await waitForLog(server, /DELETE \/users\/1 → /)
    const log = server.stdout()
    expect(log).toMatch(/GET \/users\/1 → 200 "Get user OK" \(Get user\) \d+ ms/)
    expect(log).toMatch(/GET \/users\/1 → 401 "Unauthorized" \(Get user\) \[x-mock-response-name\] \d+ ms/)
    expect(log).toMatch(/GET \/users\/7 → 401 "Unauthorized" \(Get user\) \[x-mock-response-id\] \d+ ms/)
    expect(log).toMatch(/GET \/nothing\/here → 404 no matching example \d+ ms/)
    expect(log).toMatch(/DELETE \/users\/1 → 404 no matching example \d+ ms/)
  })

  it('answers raw HTTP/1.1 (curl-style), honouring a Host that names a mock', async () => {
    const plain = await rawRequest(server.port, ['GET /users/1 HTTP/1.1', `Host: 127.0.0.1:${server.port}`])
    expect(plain.status).toBe(200)
    expect(plain.statusText).toBe('OK')
    expect(plain.headers['content-length']).toBe(String(Buffer.byteLength(plain.body)))
    expect(JSON.parse(plain.body)).toEqual(ADA)

    const viaHost = await rawRequest(server.port, [
      'GET /users/1?verbose=1 HTTP/1.1',
      'Host: 1a2b3c.mock.pstmn.io',
      'x-mock-response-code: 401',
    ])
    expect(viaHost.status).toBe(401)
    expect(JSON.parse(viaHost.body)).toEqual(UNAUTHORIZED)

    const head = await rawRequest(server.port, ['HEAD /users/1 HTTP/1.1', 'Host: localhost'])
    expect(head.body).toBe('')
    await waitForLog(server, /GET \/users\/1\?verbose=1 → 401 "Unauthorized"/)
    await waitForLog(server, /HEAD \/users\/1 → /)
  })

  it('stops on SIGTERM with exit code 0 and frees the port', async () => {
    expect(await server.stop('SIGTERM')).toBe(0)
    expect(server.stdout()).toContain('[postmock] SIGTERM: stopping the server.')
    expect(await isListening(server.port)).toBe(false)
  })
})

describe('postmock serve: bodies, private mocks, configs', () => {
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'postmock-serve-'))
    await mkdir(join(dir, 'collections'))
    await mkdir(join(dir, 'environments'))
    await copyFile(COLLECTION, join(dir, 'collections/testAPI.postman_collection.json'))
    await copyFile(ENVIRONMENT, join(dir, 'environments/testAPIEnv.postman_environment.json'))
    const config = (id: string, isPrivate: boolean) => ({
      id,
      name: id,
      collection: 'collections/testAPI.postman_collection.json',
      environment: 'environments/testAPIEnv.postman_environment.json',
      private: isPrivate,
      config: {
        delay: null,
        headers: [],
        matchBody: false,
        matchHeader: false,
        matchQueryParams: true,
        matchWildcards: true,
        serverResponseId: null,
      },
    })
    await writeFile(
      join(dir, 'postmock.config.json'),
      JSON.stringify({ mocks: [config('pub1', false), config('priv1', true)] }),
    )
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('serves each mock of a postmock.config.json on its own host; the private one needs x-api-key', async () => {
    const key = 'PMAK-serve-test-key-0123456789'
    const server = await startServe(['postmock.config.json'], { cwd: dir, env: { POSTMAN_API_KEY: key } })
    try {
      const own = await fetch(`${server.origin}/users/1`)
      expect(own.status).toBe(200)
      expect(await own.json()).toEqual(ADA)

      const noKey = await rawRequest(server.port, ['GET /users/1 HTTP/1.1', 'Host: priv1.mock.pstmn.io'])
      expect(noKey.status).toBe(401)
      expect(JSON.parse(noKey.body).error.name).toBe('AuthenticationError')
      const wrongKey = await rawRequest(server.port, [
        'GET /users/1 HTTP/1.1',
        'Host: priv1.mock.pstmn.io',
        'x-api-key: nope',
      ])
      expect(wrongKey.status).toBe(401)
      const withKey = await rawRequest(server.port, [
        'GET /users/1 HTTP/1.1',
        'Host: priv1.mock.pstmn.io',
        `x-api-key: ${key}`,
      ])
      expect(withKey.status).toBe(200)
      expect(JSON.parse(withKey.body)).toEqual(ADA)

      const unknown = await rawRequest(server.port, ['GET /users/1 HTTP/1.1', 'Host: other.mock.pstmn.io'])
      expect(unknown.status).toBe(404)
      expect(JSON.parse(unknown.body).error.name).toBe('mockNotFoundError')

      await waitForLog(server, /no mock served at other\.mock\.pstmn\.io/)
      expect(server.stdout()).toContain(
        'https://priv1.mock.pstmn.io (private: calls need x-api-key with the key given)',
      )
      expect(server.stdout()).toMatch(/GET \/users\/1 → 401 missing or wrong x-api-key/)
      expect(server.stdout()).toContain('no mock served at other.mock.pstmn.io')
      expect(server.stdout() + server.stderr()).not.toContain(key)
    } finally {
      expect(await server.stop('SIGINT')).toBe(0)
    }
  })

  it('serves a bare collection as private with --private --api-key, and passes request bodies through', async () => {
    const server = await startServe([
      join(FIXTURES, 'warnings.postman_collection.json'),
      '-e',
      join(FIXTURES, 'warnings.postman_environment.json'),
      '--private',
      '--api-key',
      'k-123456789',
    ])
    try {
      const denied = await fetch(`${server.origin}/v1/users`)
      expect(denied.status).toBe(401)
      await denied.arrayBuffer()
      const headers = { 'x-api-key': 'k-123456789', 'content-type': 'application/json' }
      const grace = await fetch(`${server.origin}/v1/users`, {
        method: 'POST',
        headers: { ...headers, 'x-mock-match-request-body': 'true' },
        body: JSON.stringify({ name: 'Grace' }),
      })
      expect(grace.status).toBe(201)
      expect(grace.statusText).toBe('Created')
      expect(await grace.json()).toEqual({ id: 3 })
      const ada = await rawRequest(
        server.port,
        [
          'POST /v1/users HTTP/1.1',
          'Host: localhost',
          'x-api-key: k-123456789',
          'Content-Type: application/json',
        ],
        '{"name":"Ada"}',
      )
      expect(ada.body).toBe('{"id":2}')
      expect(server.stderr()).toContain('item[2].response[0].code')
      expect(server.stdout()).not.toContain('k-123456789')
    } finally {
      await server.stop()
    }
  })
})

describe('postmock serve: errors', () => {
  it('exits 1 with a clear message when the port is taken', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as { port: number }
    try {
      const result = await runCli(['serve', COLLECTION, '--port', String(port)])
      expect(result.code).toBe(1)
      expect(result.stderr.trim()).toBe(
        `[postmock] Failed to start the server on 127.0.0.1:${port}: the port is already in use. Stop the process that uses it, or pick another port with --port.`,
      )
    } finally {
      blocker.close()
    }
  })

  it('explains a missing file and bad arguments, and prints help', async () => {
    const missing = await runCli(['serve', 'nope.json'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^\[postmock\] Failed to read .*nope\.json: the file does not exist\./)
    const port = await runCli(['serve', COLLECTION, '--port', 'http'])
    expect(port.code).toBe(2)
    expect(port.stderr).toContain('--port http is not a port number')
    const help = await runCli(['serve', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('postmock serve <collection.json | postmock.config.json>')
  })
})
