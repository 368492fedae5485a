/**
 * Recording (issue 11) in a session driven directly: real requests (fetch and node:http) to a real
 * API on 127.0.0.1, the collection file written in stop(), read back and answering.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPostmanMock } from '@postmock/core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { createPostmockSession, type SetupPostmanMocksOptions } from '../src/index.js'
import { closedPort, RECORDING_COLLECTION_TEXT, startFakeApi } from './recording-kit.js'

let api: Awaited<ReturnType<typeof startFakeApi>>
let file: string
beforeAll(async () => {
  api = await startFakeApi()
  file = join(await mkdtemp(join(tmpdir(), 'postmock-recording-')), 'api.postman_collection.json')
  writeFileSync(file, RECORDING_COLLECTION_TEXT)
})
afterAll(() => api.close())
afterEach(() => {
  delete process.env.POSTMOCK_RECORD
})

const httpGet = (url: string) =>
  new Promise<string>((done, fail) => {
    http
      .get(url, (response) => {
        let body = ''
        response.on('data', (chunk) => {
          body += chunk
        })
        response.on('end', () => done(body))
      })
      .on('error', fail)
  })

/** Lines of `after` not in `before` and the reverse (a line diff good enough for small changes). */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n')
  const b = after.split('\n')
  return { added: b.filter((line) => !a.includes(line)), removed: a.filter((line) => !b.includes(line)) }
}

async function session(options: SetupPostmanMocksOptions, run: () => Promise<void>): Promise<void> {
  const one = createPostmockSession(file, {
    baseUrls: [api.origin],
    redact: { jsonPaths: ['$.token'] },
    ...options,
  })
  await one.start()
  try {
    await run()
    await one.endTest()
  } finally {
    await one.stop()
  }
}

/** The app's requests; `firstRun`: the answers come from the API (later, from the recorded examples). */
const appRequests = async (firstRun: boolean) => {
  expect(await (await fetch(`${api.origin}/users/1`)).json()).toEqual({ id: 1, name: 'User 1' })
  // Postman's matcher answers /users/7 with the /users/1 example (an ID segment): nothing to record.
  expect(await (await fetch(`${api.origin}/users/7`)).json()).toEqual({ id: 1, name: 'User 1' })
  expect(await (await fetch(`${api.origin}/users/7/posts`)).json()).toEqual([{ id: 1, title: 'Hello' }])
  expect(await httpGet(`${api.origin}/health`)).toBe('ok')
  const created = await fetch(`${api.origin}/sessions?api_key=k-123`, {
    method: 'POST',
    headers: { authorization: 'Bearer abc', 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'ada', password: 'pw' }),
  })
  expect(created.status).toBe(201)
  // Recorded, the token is {{redacted}}, which Postman renders from the {{redacted}} query capture.
  expect(await created.json()).toEqual({ token: firstRun ? 'secret-token-123' : 'k-123', user: 'ada' })
}

describe("record: 'missing'", () => {
  let written = ''
  test('unanswered requests go to the real API, the app gets its answers, no test fails', async () => {
    await session({ record: 'missing' }, () => appRequests(true))
    expect([api.hits('/users/1'), api.hits('/users/7')]).toEqual([0, 0])
    expect([api.hits('/users/7/posts'), api.hits('/health'), api.hits('/sessions')]).toEqual([1, 1, 1])
    const sent = api.received.find((entry) => entry.url.startsWith('/sessions'))!
    expect(sent.url).toBe('/sessions?api_key=k-123')
    expect(sent.headers.authorization).toBe('Bearer abc')
    expect(sent.body).toBe('{"user":"ada","password":"pw"}')
    for (const entry of api.received)
      expect(Object.keys(entry.headers).filter((name) => /postmock|^x-mock/.test(name))).toEqual([])
    written = readFileSync(file, 'utf8')
  })

  test('the file keeps its layout and only gains lines; examples land where the issue says', () => {
    // Only lines added, but for the empty response list that opens.
    expect(changedLines(RECORDING_COLLECTION_TEXT, written).removed.map((line) => line.trim())).toEqual([
      '"response": []',
    ])
    expect(written).toBe(JSON.stringify(JSON.parse(written), null, '\t'))
    const saved = JSON.parse(written)
    expect(saved.item[0].response.map((e: { name: string }) => e.name)).toEqual(['User 1'])
    expect(saved.item[1].response.map((e: { name: string }) => e.name)).toEqual(['201 Created'])
    expect(saved.item[1].response[0].originalRequest.url.raw).toBe(
      '{{baseUrl}}/sessions?api_key={{redacted}}',
    )
    expect(saved.item[2]).toMatchObject({
      name: 'Recorded',
      item: [{ name: 'GET /users/7/posts' }, { name: 'GET /health' }],
    })
    expect(saved.item[2].item[0].response[0]).toMatchObject({
      name: '200 OK',
      code: 200,
      body: '[{"id":1,"title":"Hello"}]',
    })
  })

  test('secrets never land', () => {
    for (const secret of ['secret-token-123', 'secret-cookie', 'Bearer abc', 'k-123'])
      expect(written).not.toContain(secret)
    const example = JSON.parse(written).item[1].response[0]
    expect(example.originalRequest.url.raw).toBe('{{baseUrl}}/sessions?api_key={{redacted}}')
    expect(example.header).toContainEqual({ key: 'Set-Cookie', value: '{{redacted}}' })
    expect(JSON.parse(example.body)).toEqual({ token: '{{redacted}}', user: 'ada' })
  })

  test('the recorded file loads back and each recorded example answers its own request', async () => {
    const saved = JSON.parse(written)
    const mock = createPostmanMock(saved, { baseUrls: [api.origin], onWarning: () => {} })
    const recorded = [
      saved.item[1].response[0],
      saved.item[2].item[0].response[0],
      saved.item[2].item[1].response[0],
    ]
    for (const example of recorded) {
      const request = example.originalRequest
      const response = await mock.respond(
        new Request(request.url.raw.replace('{{baseUrl}}', api.origin), {
          method: request.method,
          body: request.body?.raw,
        }),
      )
      expect(response?.status).toBe(example.code)
      expect(mock.calls().at(-1)?.example?.id).toBe(example.id)
    }
  })

  test('a second run records nothing new: the file is byte-identical, the API is not called', async () => {
    const hits = api.received.length
    await session({ record: 'missing' }, () => appRequests(false))
    expect(api.received.length).toBe(hits)
    expect(readFileSync(file, 'utf8')).toBe(written)
  })
})

describe("record: 'all' (POSTMOCK_RECORD wins over the option)", () => {
  test('every matched request goes to the API; drift refreshes the examples in place', async () => {
    const before = readFileSync(file, 'utf8')
    api.drift = true
    process.env.POSTMOCK_RECORD = 'all'
    await session({ record: 'missing' }, async () => {
      expect(await (await fetch(`${api.origin}/users/1`)).json()).toMatchObject({
        id: '1',
        email: '1@example.com',
      })
      expect(await (await fetch(`${api.origin}/users/7/posts`)).json()).toEqual([{ id: 1, heading: 'Hello' }])
    })
    const after = readFileSync(file, 'utf8')
    const { added, removed } = changedLines(before, after)
    expect(removed.map((line) => line.trim())).toEqual([
      '"body": "{\\"id\\":1,\\"name\\":\\"User 1\\"}"',
      '"body": "[{\\"id\\":1,\\"title\\":\\"Hello\\"}]"',
    ])
    expect(added.map((line) => line.trim())).toEqual([
      '"body": "{\\"id\\":\\"1\\",\\"name\\":\\"User 1\\",\\"email\\":\\"1@example.com\\"}"',
      '"body": "[{\\"id\\":1,\\"heading\\":\\"Hello\\"}]"',
    ])
    process.env.POSTMOCK_RECORD = 'all'
    await session({}, async () => {
      await fetch(`${api.origin}/users/1`)
      await fetch(`${api.origin}/users/7/posts`)
    })
    expect(readFileSync(file, 'utf8')).toBe(after)
  })

  test('an example saved for another path is not overwritten: the answer is added beside it', async () => {
    await session({ record: 'all' }, async () => {
      expect(await (await fetch(`${api.origin}/users/8`)).json()).toMatchObject({ id: '8' })
    })
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    expect(saved.item[0].response.map((e: { name: string }) => e.name)).toEqual(['User 1', '200 OK'])
    expect(JSON.parse(saved.item[0].response[0].body)).toMatchObject({ id: '1' })
    expect(saved.item[0].response[1].originalRequest.url.raw).toBe('{{baseUrl}}/users/8')
  })

  test('a use() override keeps the mock answer', async () => {
    const hits = api.hits('/users/1')
    const before = readFileSync(file, 'utf8')
    await session({ record: 'all' }, async () => {
      await Promise.resolve()
    })
    const scoped = createPostmockSession(file, { baseUrls: [api.origin], record: 'all' })
    await scoped.start()
    scoped.mocks.use({ request: 'Get user', example: 'User 1' })
    expect(await (await fetch(`${api.origin}/users/1`)).json()).toMatchObject({ id: '1', name: 'User 1' })
    await scoped.endTest()
    await scoped.stop()
    expect(api.hits('/users/1')).toBe(hits)
    expect(readFileSync(file, 'utf8')).toBe(before)
    api.drift = false
  })
})

describe('recording through *.mock.pstmn.io and what stays refused', () => {
  test('recordTarget is the API behind the mock host; other origins stay refused', async () => {
    const one = createPostmockSession(file, { record: 'missing', recordTarget: api.origin })
    await one.start()
    expect(await (await fetch('https://abc123.mock.pstmn.io/things/zed')).json()).toEqual({ name: 'zed' })
    await one.endTest()
    await expect(fetch('https://elsewhere.example.com/things/zed')).rejects.toThrow()
    await expect(one.endTest()).rejects.toThrow(/Failed to send GET https:\/\/elsewhere\.example\.com/)
    await one.stop()
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    expect(saved.item[2].item.map((item: { name: string }) => item.name)).toEqual([
      'GET /users/7/posts',
      'GET /health',
      'GET /things/zed',
    ])
    expect(saved.item[2].item[2].response[0].originalRequest.url.raw).toBe('{{baseUrl}}/things/zed')
  })

  test('an unreachable API fails the test with a report, and nothing is saved', async () => {
    const before = readFileSync(file, 'utf8')
    const recordTarget = `http://127.0.0.1:${await closedPort()}`
    const one = createPostmockSession(file, { record: 'missing', recordTarget })
    await one.start()
    await expect(fetch('https://abc123.mock.pstmn.io/things/down')).rejects.toThrow()
    await expect(one.endTest()).rejects.toThrow(
      /Failed to record GET https:\/\/abc123\.mock\.pstmn\.io\/things\/down: the real API/,
    )
    await one.stop()
    expect(readFileSync(file, 'utf8')).toBe(before)
  })
})

describe('bad recording options name the option', () => {
  const fails = (options: SetupPostmanMocksOptions, source: unknown = file) =>
    expect(() => createPostmockSession(source as string, { baseUrls: [api.origin], ...options }))
  test.each([
    [
      { record: 'sometimes' as never },
      /\[postmock\] Failed to read the record option: expected 'missing' or 'all'/,
    ],
    [{ record: 'missing', recordTarget: 'ftp://x' } as const, /Failed to read the recordTarget option/],
    [
      { record: 'missing', redact: { header: ['x'] } as never } as const,
      /Failed to read the redact\.header option/,
    ],
    [
      { record: 'missing', redact: { jsonPaths: 'x' } as never } as const,
      /Failed to read the redact\.jsonPaths option/,
    ],
  ])('%j', (options, message) => {
    fails(options).toThrow(message)
  })

  test('POSTMOCK_RECORD with a bad value, a parsed collection, no target', () => {
    process.env.POSTMOCK_RECORD = 'yes'
    fails({}).toThrow(/POSTMOCK_RECORD environment option: expected 'missing' or 'all', got 'yes'/)
    delete process.env.POSTMOCK_RECORD
    fails({ record: 'missing' }, JSON.parse(RECORDING_COLLECTION_TEXT)).toThrow(
      /recording writes to the collection's file/,
    )
    expect(() => createPostmockSession(file, { record: 'all' })).toThrow(
      /Failed to read the recordTarget option/,
    )
  })
})

describe('calls() while recording', () => {
  test('a request the real API answered shows its real status, via "recorded"; the others as served', async () => {
    const own = join(
      await mkdtemp(join(tmpdir(), 'postmock-recording-calls-')),
      'api.postman_collection.json',
    )
    writeFileSync(own, RECORDING_COLLECTION_TEXT)
    const one = createPostmockSession(own, { baseUrls: [api.origin], record: 'missing' })
    await one.start()
    try {
      expect((await fetch(`${api.origin}/things/calls`)).status).toBe(200)
      expect((await fetch(`${api.origin}/users/1`)).status).toBe(200)
      const seen = one.mocks.calls().map(({ url, status, via, request }) => ({
        path: new URL(url).pathname,
        status,
        via,
        request,
      }))
      expect(seen).toEqual([
        { path: '/things/calls', status: 200, via: 'recorded', request: undefined },
        { path: '/users/1', status: 200, via: 'score', request: 'Get user' },
      ])
      // filters see the status the app got, not the mock's not-found 404
      expect(one.mocks.calls({ status: 404 })).toEqual([])
      expect(one.mocks.calls({ status: 200 }).map((call) => call.via)).toEqual(['recorded', 'score'])
      await one.endTest()
    } finally {
      await one.stop()
    }
  })
})
