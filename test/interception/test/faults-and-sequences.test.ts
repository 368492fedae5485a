/**
 * Faults and answer sequences (issue 12) as real HTTP clients see them through @postmock/vitest's
 * interception: global fetch (the fast path), undici's fetch and request, axios and got (the socket
 * layer). Timeouts end by the client's own abort or timeout; nothing here asserts a duration.
 */
import { setupPostmanMocks } from '@postmock/vitest'
import axios, { type AxiosError, type AxiosInstance } from 'axios'
import got from 'got'
import { HttpResponse, http } from 'msw'
import * as undici from 'undici'
import { describe, expect, test } from 'vitest'
import { FLAKY_COLLECTION, USER } from '../../../packages/adapter-node/test/faults-collection.js'

const postman = setupPostmanMocks(FLAKY_COLLECTION, { baseUrls: ['https://api.example.com'] })
const URL_1 = 'https://api.example.com/users/1'
const FULL = JSON.stringify(USER)
const HALF = FULL.slice(0, FULL.length / 2)

/** What a client saw: its error (name, message, code of the error or its cause), or the answer. */
type Seen =
  | { error: { name: string; code: string | undefined; message: string } }
  | { status: number; body: string }

function describeError(error: unknown): Seen {
  const e = error as { name: string; message: string; code?: string; cause?: { code?: string } }
  return { error: { name: e.name, code: e.code ?? e.cause?.code, message: e.message } }
}

const see = async (get: () => Promise<{ status: number; body: string }>): Promise<Seen> => {
  try {
    return await get()
  } catch (error) {
    return describeError(error)
  }
}

const plainAxios = (): AxiosInstance =>
  axios.create({
    adapter: 'http',
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(d) => d],
  })

/** The clients, each `(url, { signal, timeout }) → { status, body }`, reading the whole body. */
const CLIENTS: Record<
  string,
  (url: string, limit?: { signal?: AbortSignal; ms?: number }) => Promise<{ status: number; body: string }>
> = {
  'global fetch': async (url, limit) => {
    const r = await fetch(url, { signal: limit?.signal })
    return { status: r.status, body: await r.text() }
  },
  'undici fetch': async (url, limit) => {
    const r = await undici.fetch(url, { signal: limit?.signal })
    return { status: r.status, body: await r.text() }
  },
  'undici request': async (url, limit) => {
    const r = await undici.request(url, { signal: limit?.signal, headersTimeout: limit?.ms })
    return { status: r.statusCode, body: await r.body.text() }
  },
  axios: async (url, limit) => {
    const r = await plainAxios().get<string>(url, { signal: limit?.signal, timeout: limit?.ms })
    return { status: r.status, body: r.data }
  },
  got: async (url, limit) => {
    const r = await got(url, {
      retry: { limit: 0 },
      throwHttpErrors: false,
      signal: limit?.signal,
      timeout: limit?.ms ? { request: limit.ms } : undefined,
    })
    return { status: r.statusCode, body: r.body }
  },
}
const NAMES = Object.keys(CLIENTS)

describe.each(NAMES)('%s', (name) => {
  const client = CLIENTS[name]!

  test('network-error: the request fails as a connection refused, and the test does not fail for it', async () => {
    postman.use({ request: 'Get user', fault: 'network-error' })
    const seen = await see(() => client(URL_1))
    expect(seen).toMatchObject({ error: { code: 'ECONNREFUSED' } })
    if (name.endsWith('fetch'))
      expect(seen).toMatchObject({ error: { name: 'TypeError', message: 'fetch failed' } })
    else
      expect(seen).toMatchObject({
        error: { message: expect.stringMatching(/^connect ECONNREFUSED api\.example\.com:443 /) },
      })
    expect(await see(() => client('https://api.example.com/users'))).toMatchObject({ status: 200 })
    expect(postman.calls({ request: 'Get user' })).toMatchObject([{ status: 0, fault: 'network-error' }])
  })

  test('timeout: no answer until the client gives up (its abort signal)', async () => {
    postman.use({ request: 'Get user', fault: 'timeout' })
    const controller = new AbortController()
    const pending = see(() => client(URL_1, { signal: controller.signal }))
    // The mock has the request (it is recorded) and does not answer: the client aborts.
    await expect.poll(() => postman.calls().length).toBe(1)
    controller.abort()
    const seen = (await pending) as Extract<Seen, { error: unknown }>
    expect(seen.error.name).toBe(name === 'axios' ? 'CanceledError' : 'AbortError')
    expect(postman.calls()).toMatchObject([{ status: 0, fault: 'timeout' }])
  })

  test("timeout: the client's own timeout fires", async () => {
    postman.use({ request: 'Get user', fault: 'timeout' })
    // fetch has no timeout option: AbortSignal.timeout() is its timeout; the others use their own.
    const own = name.endsWith('fetch') ? { signal: AbortSignal.timeout(50) } : { ms: 50 }
    const seen = (await see(() => client(URL_1, own))) as Extract<Seen, { error: unknown }>
    const expected: Record<string, string> = {
      'global fetch': 'TimeoutError',
      'undici fetch': 'TimeoutError',
      'undici request': 'HeadersTimeoutError UND_ERR_HEADERS_TIMEOUT',
      axios: 'AxiosError ECONNABORTED',
      got: 'TimeoutError ETIMEDOUT',
    }
    expect(`${seen.error.name} ${seen.error.code}`).toContain(expected[name])
  })

  test('timeout with after: the mock gives up with a network error (ETIMEDOUT)', async () => {
    postman.use({ request: 'Get user', fault: 'timeout', after: 10 })
    expect(await see(() => client(URL_1))).toMatchObject({ error: { code: 'ETIMEDOUT' } })
  })

  test('reset: the headers and half the body arrive, then the connection closes', async () => {
    postman.use({ request: 'Get user', fault: 'reset' })
    const seen = (await see(() => client(URL_1))) as Extract<Seen, { error: unknown }>
    const expected: Record<string, string> = {
      // fetch resolved with the headers; reading the body fails as Node's fetch does on a reset.
      'global fetch': 'TypeError ECONNRESET terminated',
      'undici fetch': 'TypeError UND_ERR_SOCKET terminated',
      'undici request': 'SocketError UND_ERR_SOCKET',
      axios: 'AxiosError ERR_BAD_RESPONSE stream has been aborted',
      got: `ReadError ERR_HTTP_CONTENT_LENGTH_MISMATCH Content-Length mismatch: expected ${FULL.length} bytes, received ${HALF.length} bytes`,
    }
    expect(`${seen.error.name} ${seen.error.code} ${seen.error.message}`).toContain(expected[name])
    expect(postman.calls()).toMatchObject([{ status: 200, fault: 'reset' }])
  })

  test('malformed: the status and headers of the example, a body cut in half', async () => {
    postman.use({ request: 'Get user', fault: 'malformed' })
    const seen = await see(() => client(URL_1))
    expect(seen).toEqual({ status: 200, body: HALF })
    expect(() => JSON.parse(HALF)).toThrow(SyntaxError)
  })

  test('a sequence: 503, 503, then 200 for a client that retries', async () => {
    postman.use({ request: 'Get user', sequence: [{ code: 503 }, { code: 503 }, { code: 200 }] })
    const statuses: number[] = []
    for (let attempt = 0; attempt < 5; attempt++) {
      const { status } = await client(URL_1)
      statuses.push(status)
      if (status !== 503) break
    }
    expect(statuses).toEqual([503, 503, 200])
    expect(postman.calls().map((call) => [call.status, call.step])).toEqual([
      [503, 0],
      [503, 1],
      [200, 2],
    ])
  })
})

/** The retry a real app writes: on a network error or a 5xx, wait and try again, up to `tries` times. */
async function fetchWithRetry(url: string, tries: number): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url)
      if (response.status < 500 || attempt === tries) return response
    } catch (error) {
      if (attempt === tries) throw error
    }
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
}

/** axios-retry's rule, written out: retry a network error (a code, no response) or a 5xx, `retries` times. */
function withRetry(instance: AxiosInstance, retries: number): AxiosInstance {
  instance.interceptors.response.use(
    undefined,
    async (error: AxiosError & { config: { tries?: number } }) => {
      const config = error.config
      const networkError = !error.response && Boolean(error.code) && error.code !== 'ECONNABORTED'
      const serverError = (error.response?.status ?? 0) >= 500
      config.tries = (config.tries ?? 0) + 1
      if ((networkError || serverError) && config.tries <= retries) return instance.request(config)
      throw error
    },
  )
  return instance
}

describe('retrying clients', () => {
  test('fetch with a retry loop: a network error, a 503, then the user', async () => {
    postman.use({ request: 'Get user', sequence: [{ fault: 'network-error' }, { code: 503 }, { code: 200 }] })
    const response = await fetchWithRetry(URL_1, 5)
    expect(await response.json()).toEqual(USER)
    expect(postman.calls().map(({ step, fault, status }) => ({ step, fault, status }))).toEqual([
      { step: 0, fault: 'network-error', status: 0 },
      { step: 1, fault: undefined, status: 503 },
      { step: 2, fault: undefined, status: 200 },
    ])
  })

  test('axios with axios-retry-like code: [503, 503, 200]', async () => {
    postman.use({ request: 'Get user', sequence: [{ code: 503 }, { code: 503 }, { code: 200 }] })
    const { data } = await withRetry(axios.create({ adapter: 'http' }), 3).get(URL_1)
    expect(data).toEqual(USER)
    expect(postman.calls().map((call) => call.step)).toEqual([0, 1, 2])
  })

  test('axios retries a reset and a network error as connection errors', async () => {
    postman.use({
      request: 'Get user',
      sequence: [{ fault: 'network-error' }, { fault: 'timeout', after: 1 }, {}],
    })
    const { data } = await withRetry(axios.create({ adapter: 'http' }), 3).get(URL_1)
    expect(data).toEqual(USER)
    expect(postman.calls().map((call) => call.fault)).toEqual(['network-error', 'timeout', undefined])
  })

  test("got's own retry: [503, 503, 200]", async () => {
    postman.use({ request: 'Get user', sequence: [{ code: 503 }, { code: 503 }, { code: 200 }] })
    const user = await got(URL_1, {
      retry: { limit: 3, calculateDelay: ({ computedValue }) => (computedValue ? 1 : 0) },
    }).json()
    expect(user).toEqual(USER)
    expect(postman.calls().map((call) => call.step)).toEqual([0, 1, 2])
  })

  test("then: 'collection': after the steps, normal matching answers again", async () => {
    // biome-ignore lint/suspicious/noThenProperty: the option's name; a string is no thenable
    postman.use({ request: 'Get user', sequence: [{ code: 503 }, { code: 404 }], then: 'collection' })
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await fetch(URL_1)).status)
    expect(statuses).toEqual([503, 404, 200])
    expect(postman.calls().map((call) => call.step)).toEqual([0, 1, undefined])
  })

  test("an msw handler's HttpResponse.error() is a network error too, not a refusal", async () => {
    postman.server.use(http.get('https://api.example.com/health', () => HttpResponse.error()))
    const failure = await fetch('https://api.example.com/health').catch((error: TypeError) => error)
    expect(failure).toBeInstanceOf(TypeError)
    expect((failure as TypeError & { cause: { code: string } }).cause.code).toBe('ECONNREFUSED')
    const seen = await see(() => CLIENTS.axios!('https://api.example.com/health'))
    expect(seen).toMatchObject({ error: { code: 'ECONNREFUSED' } })
    postman.server.resetHandlers()
  })

  test('a fault on a request no example answers is not reported as unmatched', async () => {
    postman.use({ fault: 'malformed' })
    const response = await fetch('https://api.example.com/nothing/here')
    expect(response.status).toBe(404)
    postman.use({ fault: 'network-error' })
    await expect(fetch('https://api.example.com/nothing/there')).rejects.toThrow(TypeError)
  })
})
