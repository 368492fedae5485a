import { describe, expect, test } from 'vitest'
import { createPostmanMock, PostmockError } from '../index.js'

const schema = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
const MOCK = 'https://abc.mock.pstmn.io'

function example(
  name: string,
  code: number,
  id: string,
  url = 'https://api.test/users/1',
  body = `{"example":"${name}"}`,
) {
  return { id, name, code, status: '', originalRequest: { method: 'GET', url }, header: [], body }
}

const collection = {
  info: { name: 'users', schema },
  item: [
    {
      name: 'Get user',
      request: { method: 'GET', url: 'https://api.test/users/1' },
      response: [example('ok', 200, 'a1'), example('unauthorized', 401, 'a2'), example('boom', 500, 'a3')],
    },
    {
      name: 'List users',
      request: { method: 'GET', url: 'https://api.test/users' },
      response: [
        example('list', 200, 'b1', 'https://api.test/users'),
        example('list error', 500, 'b2', 'https://api.test/users'),
      ],
    },
  ],
}

async function get(
  mock: ReturnType<typeof createPostmanMock>,
  path: string,
  headers?: Record<string, string>,
) {
  const response = await mock.respond(new Request(`${MOCK}${path}`, { headers }))
  return { status: response?.status, body: await response?.text() }
}

describe('use()', () => {
  test('chooses the answer for one request by code; other requests keep scoring', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ request: 'Get user', code: 401 })
    expect(await get(mock, '/users/1')).toMatchObject({ status: 401 })
    expect(await get(mock, '/users/77')).toMatchObject({ status: 401 })
    expect(await get(mock, '/users')).toMatchObject({ status: 200 })
  })

  test('by example name, by id, and without a request for every request', async () => {
    const mock = createPostmanMock(collection)
    const undo = mock.use({ request: 'Get user', example: 'boom' })
    expect(await get(mock, '/users/1')).toMatchObject({ status: 500 })
    undo()
    mock.use({ id: 'a2' })
    expect(await get(mock, '/users/1')).toMatchObject({ status: 401 })
    mock.reset()
    mock.use({ code: 500 })
    expect(await get(mock, '/users')).toMatchObject({ status: 500, body: '{"example":"list error"}' })
  })

  test('request may be named by path or METHOD path', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ request: 'GET /users', code: 500 })
    expect(await get(mock, '/users')).toMatchObject({ status: 500 })
    expect(await get(mock, '/users/1')).toMatchObject({ status: 200 })
  })

  test('the newest override wins; once overrides are used up', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ request: 'Get user', code: 401 })
    mock.use({ request: 'Get user', code: 500, once: true })
    expect(await get(mock, '/users/1')).toMatchObject({ status: 500 })
    expect(await get(mock, '/users/1')).toMatchObject({ status: 401 })
  })

  test('control headers sent by the request win over use()', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ code: 500 })
    expect(await get(mock, '/users/1', { 'x-mock-response-code': '401' })).toMatchObject({ status: 401 })
  })

  test('an unknown request name is refused with the names it could be', () => {
    const mock = createPostmanMock(collection)
    expect(() => mock.use({ request: 'Get usr', code: 401 })).toThrow(
      /\[postmock\] Failed to apply use\(\): no request is named "Get usr" \(nor has that path\)\. Use a request name from the collection: "Get user", "List users"/,
    )
    expect(() => mock.use({ code: '401' as unknown as number })).toThrow(PostmockError)
  })
})

describe('calls(), unused(), reset()', () => {
  test('records method, URL, example and status; filters; unused lists never-served examples', async () => {
    const mock = createPostmanMock(collection)
    await get(mock, '/users/1')
    await get(mock, '/users/1', { 'x-mock-response-code': '401' })
    await get(mock, '/nothing')
    expect(mock.calls({ request: 'Get user' })).toHaveLength(2)
    expect(mock.calls({ status: 404 })).toEqual([
      {
        method: 'GET',
        url: `${MOCK}/nothing`,
        request: undefined,
        example: undefined,
        status: 404,
        via: 'not-found',
      },
    ])
    expect(mock.calls()[1]).toEqual({
      method: 'GET',
      url: `${MOCK}/users/1`,
      request: 'Get user',
      example: { name: 'unauthorized', id: 'a2', code: 401, location: 'item[0].response[1]' },
      status: 401,
      via: 'score',
    })
    expect(mock.unused().map((e) => e.name)).toEqual(['boom', 'list', 'list error'])
    mock.use({ code: 500 })
    mock.reset()
    expect(mock.calls()).toEqual([])
    expect(await get(mock, '/users/1')).toMatchObject({ status: 200 })
    expect(mock.unused().map((e) => e.name)).toEqual(['boom', 'list', 'list error'])
  })

  test('callLog keeps the newest calls; onCall hears each call with the request it answers', async () => {
    const heard: Array<[number, string]> = []
    const mock = createPostmanMock(collection, {
      callLog: 3,
      onCall: (call, request) => heard.push([call.status, request.headers.get('x-tag') ?? '']),
    })
    for (let i = 0; i < 10; i++) await get(mock, i === 9 ? '/nothing' : '/users/1', { 'x-tag': String(i) })
    expect(mock.calls().map((call) => call.status)).toEqual([200, 200, 404])
    expect(heard).toHaveLength(10)
    expect(heard[9]).toEqual([404, '9'])
    expect(mock.unused().map((e) => e.name)).not.toContain('ok')
    const silent = createPostmanMock(collection, { callLog: 0 })
    await get(silent, '/users/1')
    expect(silent.calls()).toEqual([])
    expect(silent.unused().map((e) => e.name)).not.toContain('ok')
    expect(() => createPostmanMock(collection, { callLog: -1 })).toThrow(/option "callLog"/)
  })
})

describe('explain()', () => {
  test('lists every candidate with its score and why it won or lost', async () => {
    const mock = createPostmanMock(collection)
    const explanation = await mock.explain(new Request(`${MOCK}/users/2?x=1`))
    expect(explanation.winner?.name).toBe('ok')
    const byName = Object.fromEntries(explanation.candidates.map((c) => [c.example.name, c]))
    expect(byName.ok).toMatchObject({ won: true, score: 78, pathStep: 'ids-removed' })
    expect(byName.ok!.reason).toBe(
      'chosen: score 78 (path equal once IDs are ignored (−21), query -1, query key x not saved)',
    )
    expect(byName.unauthorized!.reason).toMatch(
      /^tied at 78; the tie rule \(id-prefer-200\) chose another example/,
    )
    expect(byName.list!.reason).toBe('path has 2 segment(s), saved /users has 1')
  })

  test('the not-found report names method, URL and the three closest examples', async () => {
    const mock = createPostmanMock(collection)
    const { report, winner } = await mock.explain(new Request(`${MOCK}/users/1/posts`, { method: 'POST' }))
    expect(winner).toBeUndefined()
    const lines = report.split('\n')
    expect(lines[0]).toBe(
      `[postmock] Failed to match POST ${MOCK}/users/1/posts: no example is saved with method POST; Postman's mock answers 404 mockRequestNotFoundError. Save an example for this request in Postman, fix the request, or choose an answer with use({ request, code }).`,
    )
    expect(lines[1]).toBe('  Closest examples:')
    expect(lines.filter((l) => /^ {2}\d\. /.test(l))).toHaveLength(3)
    expect(report).toContain('wrong method: saved GET, got POST')
  })

  test('an unserved origin is reported with the served origins', async () => {
    const mock = createPostmanMock(collection, { baseUrls: ['https://app.test'] })
    const { served, report } = await mock.explain(new Request('https://elsewhere.test/x'))
    expect(served).toBe(false)
    expect(report).toContain('served: https://*.mock.pstmn.io, https://app.test')
  })
})

describe('options', () => {
  test('invalid options name the option and the expected value', () => {
    expect(() => createPostmanMock(collection, { baseUrls: ['api.test'] })).toThrow(
      '[postmock] Failed to read the options: option "baseUrls[0]": expected an absolute http(s) URL such as "https://api.example.com", got "api.test". Pass the origin your app calls, optionally with a base path.',
    )
    expect(() => createPostmanMock(collection, { delay: '4G' as never })).toThrow(
      /option "delay": expected milliseconds/,
    )
    expect(() => createPostmanMock(collection, { matchBody: 'yes' as never })).toThrow(
      /option "matchBody": expected true or false/,
    )
    expect(() => createPostmanMock(collection, { tieBreak: 'random' as never })).toThrow(/option "tieBreak"/)
  })

  test('seed makes dynamic values repeatable, and reset() replays them', async () => {
    const dynamic = {
      info: { name: 'd', schema },
      item: [
        {
          name: 'r',
          request: 'https://x.test/d',
          response: [{ name: 'd', code: 200, body: '{{$randomInt}} {{$guid}} {{$randomFirstName}}' }],
        },
      ],
    }
    const a = createPostmanMock(dynamic, { seed: 42 })
    const b = createPostmanMock(dynamic, { seed: 42 })
    const c = createPostmanMock(dynamic, { seed: 43 })
    const first = (await get(a, '/d')).body
    expect((await get(b, '/d')).body).toBe(first)
    expect((await get(c, '/d')).body).not.toBe(first)
    expect((await get(a, '/d')).body).not.toBe(first)
    a.reset()
    expect((await get(a, '/d')).body).toBe(first)
  })

  test('delay presets: 3G waits about 100 ms', async () => {
    const mock = createPostmanMock(collection, { delay: '3G' })
    const started = performance.now()
    await get(mock, '/users/1')
    expect(performance.now() - started).toBeGreaterThanOrEqual(95)
  })

  test('an aborted request stops waiting for its delay (a server shutting down leaves no timer)', async () => {
    const mock = createPostmanMock(collection)
    const controller = new AbortController()
    const started = performance.now()
    const answer = mock.respond(
      new Request(`${MOCK}/users/1`, {
        headers: { 'x-mock-response-delay': '60000' },
        signal: controller.signal,
      }),
    )
    setTimeout(() => controller.abort(new Error('shutting down')), 20)
    await expect(answer).rejects.toThrow('shutting down')
    expect(performance.now() - started).toBeLessThan(10_000)
  })
})

describe('postmock config (pulled mocks)', () => {
  test('each mock is served on its own host with its own config; private mocks need x-api-key', async () => {
    const mock = createPostmanMock({
      mocks: [
        { id: 'publicmock', collection, config: { matchQueryParams: true } },
        {
          id: 'privatemock',
          private: true,
          collection: {
            info: { name: 'other', schema },
            item: [
              {
                name: 'o',
                request: 'https://o.test/o',
                response: [example('other', 200, 'o1', 'https://o.test/o')],
              },
            ],
          },
        },
      ],
    })
    const pub = await mock.respond(new Request('https://publicmock.mock.pstmn.io/users/1'))
    expect(pub?.status).toBe(200)
    expect(await mock.respond(new Request('https://unknownmock.mock.pstmn.io/users/1'))).toBeUndefined()
    const denied = await mock.respond(new Request('https://privatemock.mock.pstmn.io/o'))
    expect(denied?.status).toBe(401)
    expect(await denied?.json()).toEqual({
      error: {
        name: 'AuthenticationError',
        message: 'API Key missing. Every request requires an API Key to be sent.',
      },
    })
    const allowed = await mock.respond(
      new Request('https://privatemock.mock.pstmn.io/o', { headers: { 'x-api-key': 'PMAK-any' } }),
    )
    expect(await allowed?.text()).toBe('{"example":"other"}')
    expect(mock.serves('https://privatemock.mock.pstmn.io/')).toBe(true)
    expect(mock.serves('https://api.test/')).toBe(false)
  })

  test('config delay presets and header matching are applied', async () => {
    const mock = createPostmanMock({
      mocks: [
        {
          id: 'm1',
          collection: {
            info: { name: 'h', schema },
            item: [
              {
                name: 'me',
                request: 'https://x.test/me',
                response: [
                  {
                    name: 'admin',
                    code: 200,
                    body: 'admin',
                    originalRequest: {
                      method: 'GET',
                      url: 'https://x.test/me',
                      header: [{ key: 'x-role', value: 'admin' }],
                    },
                  },
                  {
                    name: 'guest',
                    code: 200,
                    body: 'guest',
                    originalRequest: {
                      method: 'GET',
                      url: 'https://x.test/me',
                      header: [{ key: 'x-role', value: 'guest' }],
                    },
                  },
                ],
              },
            ],
          },
          config: { matchHeader: true, headers: ['x-role'], delay: { type: 'fixed', preset: '2' } },
        },
      ],
    })
    const started = performance.now()
    const response = await mock.respond(
      new Request('https://m1.mock.pstmn.io/me', { headers: { 'x-role': 'guest' } }),
    )
    expect(await response?.text()).toBe('guest')
    expect(performance.now() - started).toBeGreaterThanOrEqual(95)
  })
})

describe('handlers', () => {
  test('one dispatcher per served origin, however many examples', () => {
    const many = {
      info: { name: 'many', schema },
      item: Array.from({ length: 500 }, (_, i) => ({
        name: `r${i}`,
        request: `https://api.test/things/${i}/x${i}`,
        response: [example(`e${i}`, 200, `id${i}`, `https://api.test/things/${i}/x${i}`)],
      })),
    }
    expect(createPostmanMock(many).handlers).toHaveLength(2) // https and http *.mock.pstmn.io
    expect(
      createPostmanMock(many, { mockIds: ['m1'], baseUrls: ['https://app.test/api'] }).handlers,
    ).toHaveLength(3)
  })
})

describe('respond()', () => {
  test("never consumes the caller's request body", async () => {
    const mock = createPostmanMock({
      info: { name: 'b', schema },
      item: [
        {
          name: 'post',
          request: 'https://x.test/p',
          response: [
            {
              name: 'p',
              code: 201,
              body: 'ok',
              originalRequest: {
                method: 'POST',
                url: 'https://x.test/p',
                body: { mode: 'raw', raw: '{"a":1}' },
              },
            },
          ],
        },
      ],
    })
    const request = new Request(`${MOCK}/p`, {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    })
    expect((await mock.respond(request))?.status).toBe(201)
    expect(request.bodyUsed).toBe(false)
    expect(await request.text()).toBe('{"a":1}')
  })
})

describe('answer()', () => {
  const parts = async (response: Response | undefined) =>
    response && {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
      body: response.body === null ? null : await response.text(),
    }

  test('gives the parts respond() sends, content type included', async () => {
    const mock = createPostmanMock(
      {
        info: { name: 'parts', schema },
        item: [
          {
            name: 'one',
            request: 'https://x.test/one',
            response: [
              {
                name: 'ok',
                code: 200,
                status: 'OK',
                header: [
                  { key: 'Set-Cookie', value: 'a=1' },
                  { key: 'Set-Cookie', value: 'b=2' },
                ],
                body: 'héllo',
                originalRequest: { method: 'GET', url: 'https://x.test/one' },
              },
              {
                name: 'empty',
                code: 204,
                body: '',
                originalRequest: { method: 'DELETE', url: 'https://x.test/one' },
              },
            ],
          },
        ],
      },
      { serverHeaders: true, seed: 1 },
    )
    const cases: Array<[string, RequestInit]> = [
      ['/one', {}],
      ['/one', { method: 'HEAD' }],
      ['/one', { method: 'DELETE' }],
      ['/nothing', {}],
      ['/nothing', { method: 'OPTIONS', headers: { 'access-control-request-method': 'PUT' } }],
    ]
    for (const [path, init] of cases) {
      const answer = await mock.answer(new Request(`${MOCK}${path}`, init))
      const response = await mock.respond(new Request(`${MOCK}${path}`, init))
      const expected = await parts(response)
      expect(answer && { ...answer, headers: [...answer.headers] }).toEqual({
        ...expected,
        // trace ids differ per answer
        headers: expected?.headers.map(([name, value]) =>
          name.startsWith('x-srv-') ? [name, expect.any(String)] : [name, value],
        ),
      })
    }
    expect(await mock.answer(new Request('https://elsewhere.test/one'))).toBeUndefined()
  })
})

describe('fork()', () => {
  test('shares the loaded collection, not the overrides or the calls', async () => {
    const mock = createPostmanMock(collection)
    const fork = mock.fork()
    expect(fork.examples).toEqual(mock.examples)
    fork.use({ code: 401 })
    expect(await get(fork, '/users/1')).toMatchObject({ status: 401 })
    expect(await get(mock, '/users/1')).toMatchObject({ status: 200 })
    expect(fork.calls()).toHaveLength(1)
    expect(mock.calls()).toHaveLength(1)
    expect(fork.calls()[0]!.status).toBe(401)
  })
})
