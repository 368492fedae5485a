import { setupServer } from 'msw/node'
import { describe, expect, test } from 'vitest'
import { createPostmanMock, faultOf, PostmockError } from '../index.js'

const schema = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
const MOCK = 'https://abc.mock.pstmn.io'

function example(name: string, code: number, id: string, url: string, body: string) {
  const header = [{ key: 'Content-Type', value: 'application/json' }]
  return { id, name, code, status: '', originalRequest: { method: 'GET', url }, header, body }
}

const USER = '{"id":1,"name":"Ada Lovelace"}'
const collection = {
  info: { name: 'users', schema },
  item: [
    {
      name: 'Get user',
      request: { method: 'GET', url: 'https://api.test/users/1' },
      response: [
        example('ok', 200, 'a1', 'https://api.test/users/1', USER),
        example('busy', 503, 'a2', 'https://api.test/users/1', '{"error":"busy"}'),
        example('gone', 404, 'a3', 'https://api.test/users/1', '{"error":"gone"}'),
      ],
    },
    {
      name: 'Delete user',
      request: { method: 'DELETE', url: 'https://api.test/users/1' },
      response: [
        {
          ...example('deleted', 204, 'c1', 'https://api.test/users/1', ''),
          originalRequest: { method: 'DELETE', url: 'https://api.test/users/1' },
        },
      ],
    },
    {
      name: 'List users',
      request: { method: 'GET', url: 'https://api.test/users' },
      response: [example('list', 200, 'b1', 'https://api.test/users', '[]')],
    },
  ],
}

const get = (mock: ReturnType<typeof createPostmanMock>, path: string, init?: RequestInit) =>
  mock.respond(new Request(`${MOCK}${path}`, init))

function thrown(action: () => unknown): PostmockError {
  try {
    action()
  } catch (error) {
    if (error instanceof PostmockError) return error
    throw error
  }
  throw new Error('expected a PostmockError')
}

describe('faults', () => {
  test('network-error: Response.error(), recorded with status 0 and no example served', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ request: 'Get user', fault: 'network-error' })
    const response = await get(mock, '/users/1')
    expect(response?.type).toBe('error')
    expect(faultOf(response!)).toBe('network-error')
    expect((await get(mock, '/users'))?.status).toBe(200)
    expect(mock.calls({ request: 'Get user' })).toEqual([
      expect.objectContaining({ status: 0, fault: 'network-error', example: undefined, via: 'override' }),
    ])
    expect(mock.unused().map((e) => e.name)).toContain('ok')
  })

  test('answer() carries the fault with the parts that would have answered', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ request: 'Get user', code: 503, fault: 'timeout', after: 5 })
    const answer = await mock.answer(new Request(`${MOCK}/users/1`))
    expect(answer).toMatchObject({ status: 503, fault: 'timeout', after: 5, body: '{"error":"busy"}' })
  })

  test('timeout: no answer until the request aborts, then a network error', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ fault: 'timeout' })
    const controller = new AbortController()
    let settled = false
    const pending = get(mock, '/users/1', { signal: controller.signal }).then((response) => {
      settled = true
      return response
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(settled).toBe(false)
    controller.abort()
    const response = await pending
    expect(response?.type).toBe('error')
    expect(faultOf(response!)).toBe('timeout')
    expect(mock.calls()[0]).toMatchObject({ status: 0, fault: 'timeout' })
  })

  test('timeout with after: gives up with a network error on its own', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ fault: 'timeout', after: 1 })
    const response = await get(mock, '/users/1')
    expect(response?.type).toBe('error')
  })

  test('reset: the headers announce the whole body, half of it arrives, then the body fails', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ request: 'Get user', fault: 'reset' })
    const response = (await get(mock, '/users/1'))!
    expect(response.status).toBe(200)
    expect(response.headers.get('content-length')).toBe(String(USER.length))
    expect(faultOf(response)).toBe('reset')
    const reader = response.body!.getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toBe(USER.slice(0, USER.length / 2))
    const failure = await reader.read().catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(TypeError)
    expect((failure as TypeError).cause).toMatchObject({ code: 'ECONNRESET' })
    expect(mock.calls()[0]).toMatchObject({ status: 200, fault: 'reset', example: { name: 'ok' } })
  })

  test('reset of a body-less answer (204) fails before the headers', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ fault: 'reset' })
    const response = await get(mock, '/users/1', { method: 'DELETE' })
    expect(response?.type).toBe('error')
    expect(faultOf(response!)).toBe('reset')
    expect(mock.calls()[0]).toMatchObject({ status: 0, fault: 'reset' })
  })

  test('malformed: the example status and headers, a truncated body that no longer parses', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ request: 'Get user', code: 404, fault: 'malformed' })
    const response = (await get(mock, '/users/1'))!
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/json')
    const text = await response.text()
    expect(text).toBe('{"error"')
    expect(() => JSON.parse(text)).toThrow(SyntaxError)
    expect(mock.calls()[0]).toMatchObject({ status: 404, fault: 'malformed', example: { name: 'gone' } })
  })

  test('a fault without a request applies to every served request, not-found ones too', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ fault: 'network-error' })
    expect((await get(mock, '/nowhere'))?.type).toBe('error')
    expect(mock.calls()[0]).toMatchObject({ via: 'not-found', status: 0, fault: 'network-error' })
  })

  test('a per-override delay', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ request: 'Get user', delay: 1, code: 503 })
    const controller = new AbortController()
    const pending = get(mock, '/users/1', { signal: controller.signal })
    expect((await pending)?.status).toBe(503)
  })

  test("msw's handlers realize faults: fetch rejects with a TypeError, a malformed body fails to parse", async () => {
    const mock = createPostmanMock(collection)
    const server = setupServer(...mock.handlers)
    server.listen()
    try {
      mock.use({ request: 'Get user', once: true, fault: 'network-error' })
      await expect(fetch(`${MOCK}/users/1`)).rejects.toThrow(TypeError)
      mock.use({ request: 'Get user', once: true, fault: 'malformed' })
      await expect((await fetch(`${MOCK}/users/1`)).json()).rejects.toThrow(SyntaxError)
      mock.use({ request: 'Get user', once: true, fault: 'reset' })
      const reset = await fetch(`${MOCK}/users/1`)
      await expect(reset.text()).rejects.toThrow(TypeError)
      expect((await fetch(`${MOCK}/users/1`)).status).toBe(200)
    } finally {
      server.close()
    }
  })
})

describe('sequences', () => {
  const statuses = async (mock: ReturnType<typeof createPostmanMock>, n: number) => {
    const seen: number[] = []
    for (let i = 0; i < n; i++) seen.push((await get(mock, '/users/1'))!.status)
    return seen
  }

  test('successive calls get successive steps; the last repeats; calls() shows the step', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ request: 'Get user', sequence: [{ code: 503 }, { code: 503 }, { code: 200 }] })
    expect(await statuses(mock, 5)).toEqual([503, 503, 200, 200, 200])
    expect(mock.calls().map((call) => call.step)).toEqual([0, 1, 2, 2, 2])
    expect((await get(mock, '/users'))!.status).toBe(200)
    expect(mock.calls({ request: 'List users' })[0]!.step).toBeUndefined()
  })

  test("then: 'collection' falls back to normal matching (and older overrides)", async () => {
    const mock = createPostmanMock(collection)
    mock.use({ request: 'Get user', code: 404 })
    // biome-ignore lint/suspicious/noThenProperty: the option is named as the issue names it; a string is no thenable
    mock.use({ request: 'Get user', sequence: [{ code: 503 }, { example: 'ok' }], then: 'collection' })
    expect(await statuses(mock, 4)).toEqual([503, 200, 404, 404])
    expect(mock.calls().map((call) => call.step)).toEqual([0, 1, undefined, undefined])
  })

  test('steps by example name, id, fault and delay', async () => {
    const mock = createPostmanMock(collection)
    mock.use({
      request: 'Get user',
      sequence: [{ fault: 'network-error' }, { id: 'a2', delay: 1 }, { example: 'gone' }, {}],
    })
    const answers = []
    for (let i = 0; i < 4; i++) answers.push(await get(mock, '/users/1'))
    expect(answers.map((r) => r!.type === 'error' || r!.status)).toEqual([true, 503, 404, 200])
    expect(mock.calls().map(({ step, fault, status }) => ({ step, fault, status }))).toEqual([
      { step: 0, fault: 'network-error', status: 0 },
      { step: 1, fault: undefined, status: 503 },
      { step: 2, fault: undefined, status: 404 },
      { step: 3, fault: undefined, status: 200 },
    ])
  })

  test('once plays the sequence once, then drops the override', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ request: 'Get user', once: true, sequence: [{ code: 503 }, { code: 404 }] })
    expect(await statuses(mock, 3)).toEqual([503, 404, 200])
  })

  test('request scoping: other requests neither get nor advance the steps', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ request: 'GET /users/1', sequence: [{ code: 503 }, { code: 200 }] })
    expect((await get(mock, '/users'))!.status).toBe(200)
    expect(await statuses(mock, 2)).toEqual([503, 200])
  })

  test('explain() shows the next step without using it up', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ request: 'Get user', sequence: [{ code: 503 }, { code: 404 }] })
    const explanation = await mock.explain(new Request(`${MOCK}/users/1`))
    expect(explanation.winner?.code).toBe(503)
    expect(await statuses(mock, 2)).toEqual([503, 404])
    expect((await mock.explain(new Request(`${MOCK}/users/1`))).winner?.code).toBe(404)
  })

  test('a fork starts its own count; reset() drops the sequence', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ request: 'Get user', sequence: [{ code: 503 }, { code: 404 }] })
    expect(await statuses(mock, 1)).toEqual([503])
    const fork = mock.fork()
    fork.use({ request: 'Get user', sequence: [{ code: 404 }, { code: 503 }] })
    expect(await statuses(fork, 2)).toEqual([404, 503])
    expect(await statuses(mock, 1)).toEqual([404])
    mock.reset()
    expect(await statuses(mock, 1)).toEqual([200])
  })

  test('concurrent calls take successive steps in the order they arrive', async () => {
    const mock = createPostmanMock(collection)
    mock.use({ request: 'Get user', sequence: [{ code: 503 }, { code: 404 }, { code: 200 }] })
    const all = await Promise.all([get(mock, '/users/1'), get(mock, '/users/1'), get(mock, '/users/1')])
    expect(all.map((r) => r!.status)).toEqual([503, 404, 200])
  })
})

describe('checks', () => {
  const cases: Array<[string, object, RegExp]> = [
    ['fault', { fault: 'offline' }, /"fault": expected "network-error", "timeout", "reset", "malformed"/],
    ['after', { fault: 'reset', after: 10 }, /"after": expected to come with fault: "timeout"/],
    ['after', { fault: 'timeout', after: -1 }, /"after": expected milliseconds/],
    ['delay', { delay: '4G' }, /"delay": expected milliseconds \(0–180000\), "2G" or "3G"/],
    ['sequence', { sequence: [] }, /"sequence": expected a non-empty array of steps/],
    ['code', { code: 200, sequence: [{}] }, /"code": expected no "code" beside "sequence"/],
    [
      'sequence[2].code',
      { sequence: [{}, {}, { code: '503' }] },
      /"sequence\[2\]\.code": expected an integer/,
    ],
    ['sequence[1].fault', { sequence: [{}, { fault: 'nope' }] }, /"sequence\[1\]\.fault"/],
    ['sequence[0].after', { sequence: [{ after: 5 }] }, /"sequence\[0\]\.after": expected to come with/],
    ['sequence[0].status', { sequence: [{ status: 503 }] }, /"sequence\[0\]\.status": expected one of code/],
    ['sequence[1]', { sequence: [{}, 503] }, /"sequence\[1\]": expected an object, got 503/],
    // biome-ignore lint/suspicious/noThenProperty: the option under test
    ['then', { then: 'collection' }, /"then": expected to come with a "sequence"/],
    // biome-ignore lint/suspicious/noThenProperty: the option under test
    ['then', { sequence: [{}], then: 'loop' }, /"then": expected "repeat" or "collection"/],
  ]
  test.each(cases)('names %s', (path, override, message) => {
    const mock = createPostmanMock(collection)
    const error = thrown(() => mock.use(override as never))
    expect(error.path).toBe(path)
    expect(error.message).toMatch(/^\[postmock\] Failed to apply use\(\): /)
    expect(error.message).toMatch(message)
  })
})
