import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { runCli } from './run-cli.js'
import {
  type StandInApi,
  startStandInApi,
  VERIFY_COLLECTION,
  VERIFY_ENVIRONMENT,
  writeFiles,
} from './verify-kit.js'

let api: StandInApi
let files: Awaited<ReturnType<typeof writeFiles>>
beforeAll(async () => {
  api = await startStandInApi()
  files = await writeFiles({ 'shop.json': VERIFY_COLLECTION, 'staging.json': VERIFY_ENVIRONMENT })
})
afterAll(async () => {
  await api.close()
  await files.remove()
})

const verify = (args: string[]) =>
  runCli(['verify', 'shop.json', '-e', 'staging.json', '--base-url', api.url, ...args], { cwd: files.dir })

describe('postmock verify', () => {
  test('one line per example, drift with its paths, a summary, exit 1 on drift', async () => {
    api.hits.length = 0
    const { code, stdout, stderr } = await verify(['--header', 'Authorization: Bearer s3cret-token'])
    expect(stderr).toBe('')
    expect(stdout.split('\n')).toEqual([
      'ok     GET /users/1  Users / Get user / User (200)',
      'drift  GET /users/2  Users / Get changed user / User (200): $.id number → string; $.email missing; $.nickname unexpected',
      'drift  GET /users/3  Users / Get deleted user / Gone (404): status 404 → 200',
      'skip   POST /users  Users / Create user / Created (201): POST is not sent (only GET, HEAD, OPTIONS; see --methods)',
      'skip   GET /users/{{unknownId}}  Users / Get by token / User (200): unresolved {{unknownId}}',
      'drift  GET /home  Home page / Page (200): content-type html → json',
      'ok     HEAD /health  Health / Up (200)',
      '',
      `7 examples against ${api.url}: 2 ok, 3 drift, 2 skipped, 0 errors`,
      '',
    ])
    expect(code).toBe(1)
    // the environment resolved {{userId}}; the header went with every request and was never printed
    expect(api.hits.map((hit) => `${hit.method} ${hit.url}`).sort()).toEqual(
      ['GET /home', 'GET /users/1', 'GET /users/2', 'GET /users/3', 'HEAD /health'].sort(),
    )
    expect(new Set(api.hits.map((hit) => hit.authorization))).toEqual(new Set(['Bearer s3cret-token']))
    expect(stdout).not.toContain('s3cret')
  })

  test('--methods sends what it names, with the saved body; --json for CI', async () => {
    api.hits.length = 0
    const { code, stdout } = await verify(['--methods', 'post', '--json'])
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as {
      baseUrl: string
      exitCode: number
      summary: Record<string, number>
      results: Array<Record<string, unknown>>
    }
    expect(report.baseUrl).toBe(api.url)
    expect(report.exitCode).toBe(0)
    expect(report.summary).toEqual({ examples: 7, ok: 1, drift: 0, skipped: 6, errors: 0 })
    expect(report.results.find((r) => r.verdict === 'ok')).toEqual({
      verdict: 'ok',
      request: 'Users / Create user',
      example: 'Created',
      method: 'POST',
      path: '/users',
      url: `${api.url}/users`,
      expectedStatus: 201,
      actualStatus: 201,
      differences: [],
    })
    expect(api.hits).toEqual([
      { method: 'POST', url: '/users', authorization: undefined, body: '{"name":"Eve"}' },
    ])
  })

  test('--json lists each difference with its path, kind and both sides', async () => {
    const { code, stdout } = await verify(['--json'])
    expect(code).toBe(1)
    const report = JSON.parse(stdout) as { results: Array<{ request: string; differences: unknown[] }> }
    expect(report.results.find((r) => r.request === 'Users / Get changed user')?.differences).toEqual(
      [
        { path: '$.id', kind: 'type', expected: 'number', actual: 'string', text: '$.id number → string' },
        { path: '$.email', kind: 'missing', expected: 'string', actual: undefined, text: '$.email missing' },
        {
          path: '$.nickname',
          kind: 'unexpected',
          expected: undefined,
          actual: 'string',
          text: '$.nickname unexpected',
        },
      ].map((d) => JSON.parse(JSON.stringify(d))),
    )
  })

  test('--allow-extra: keys the example lacks are no drift', async () => {
    const { stdout } = await verify(['--allow-extra'])
    expect(stdout).toContain(
      'drift  GET /users/2  Users / Get changed user / User (200): $.id number → string; $.email missing\n',
    )
  })

  test('exit 0 when every example sent agrees', async () => {
    const { code, stdout } = await runCli(
      ['verify', 'shop.json', '-e', 'staging.json', '--base-url', `${api.url}/`, '--methods', 'HEAD,POST'],
      { cwd: files.dir },
    )
    expect(stdout).toContain(`7 examples against ${api.url}: 2 ok, 0 drift, 5 skipped, 0 errors`)
    expect(code).toBe(0)
  })

  test('--concurrency bounds the requests in flight', async () => {
    const total = 8
    const slow = await startStandInApi({ holdUntil: 3, slowTotal: total })
    const collection = {
      info: { name: 'slow', schema: VERIFY_COLLECTION.info.schema },
      item: Array.from({ length: total }, (_, n) => ({
        name: `slow ${n}`,
        request: { method: 'GET', url: `https://api.example.com/slow/${n}` },
        response: [
          {
            name: 'ok',
            code: 200,
            header: [{ key: 'Content-Type', value: 'application/json' }],
            body: `{"n":${n}}`,
            originalRequest: { method: 'GET', url: `https://api.example.com/slow/${n}` },
          },
        ],
      })),
    }
    const dir = await writeFiles({ 'slow.json': collection })
    try {
      const { code, stdout } = await runCli(
        ['verify', 'slow.json', '--base-url', slow.url, '--concurrency', '3'],
        {
          cwd: dir.dir,
        },
      )
      expect(code).toBe(0)
      // the output keeps the collection's order, whatever order the answers came in
      expect(stdout.split('\n').slice(0, total)).toEqual(
        Array.from({ length: total }, (_, n) => `ok     GET /slow/${n}  slow ${n} / ok (200)`),
      )
      // held until 3 were in flight: a client sending fewer at once would never finish, more would show here
      expect(slow.maxInFlight).toBe(3)
    } finally {
      await slow.close()
      await dir.remove()
    }
  })

  test('secrets the requests carry are not printed: API keys in the query, a header HTTP cannot carry', async () => {
    const secret = 'PMAK-6740f1c2a9e84b5d-0a1b2c3d4e5f60718293a4b5c6d7e8f9'
    const saved = (name: string, url: string, header: Array<{ key: string; value: string }> = []) => ({
      name,
      request: { method: 'GET', url, header },
      response: [{ name: 'ok', code: 200, body: '', originalRequest: { method: 'GET', url, header } }],
    })
    const collection = {
      info: { name: 'secrets', schema: VERIFY_COLLECTION.info.schema },
      item: [
        saved('keyed', `https://api.example.com/health?apikey=${secret}`),
        saved('bad header', 'https://api.example.com/health', [{ key: 'X-Token', value: `${secret}\nX: 1` }]),
        saved('control', 'https://api.example.com/health', [{ key: 'X-Token', value: `${secret}\u0007` }]),
      ],
    }
    const dir = await writeFiles({ 'secrets.json': collection })
    try {
      const { code, stdout } = await runCli(['verify', 'secrets.json', '--base-url', api.url, '--json'], {
        cwd: dir.dir,
      })
      expect(code).toBe(3)
      expect(stdout).not.toContain(secret)
      const report = JSON.parse(stdout) as { results: Array<Record<string, unknown>> }
      expect(report.results.map((r) => [r.path, r.verdict, r.reason])).toEqual([
        ['/health?apikey=PMAK-…e8f9', 'ok', undefined],
        ['/health', 'error', 'the header "x-token" has a name or value HTTP cannot carry'],
        ['/health', 'error', 'a header HTTP cannot carry (UND_ERR_INVALID_ARG)'],
      ])
    } finally {
      await dir.remove()
    }
  })

  test('exit 3 when the API cannot be reached; exit 2 for a wrong command line or a missing file', async () => {
    const gone = await startStandInApi()
    await gone.close()
    const unreachable = await runCli(['verify', 'shop.json', '-e', 'staging.json', '--base-url', gone.url], {
      cwd: files.dir,
    })
    expect(unreachable.code).toBe(3)
    expect(unreachable.stdout).toContain('error  GET /users/1  Users / Get user / User (200): ECONNREFUSED')
    expect(unreachable.stdout).toContain('0 ok, 0 drift, 2 skipped, 5 errors')

    const noBase = await runCli(['verify', 'shop.json'], { cwd: files.dir })
    expect(noBase.code).toBe(2)
    expect(noBase.stderr).toBe(
      '[postmock] Failed to run postmock verify: it needs --base-url <url>, the real API to send the requests to. See postmock verify --help.\n',
    )
    const badHeader = await runCli(['verify', 'shop.json', '-b', api.url, '-H', 'no colon secret'], {
      cwd: files.dir,
    })
    expect(badHeader.code).toBe(2)
    expect(badHeader.stderr).not.toContain('secret')
    const missing = await runCli(['verify', join(files.dir, 'nope.json'), '-b', api.url], { cwd: files.dir })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('no such file')
  })
})
