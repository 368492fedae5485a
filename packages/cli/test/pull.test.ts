import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { API_KEY, IDS, startFakePostmanApi, uid } from './fake-postman-api.js'
import { filesUnder, readJson, usePullKit } from './pull-kit.js'
import { runCli } from './run-cli.js'

const kit = usePullKit()
const { pull } = kit

describe('postmock pull --collection', () => {
  it('finds a collection and an environment by name, fetches with uid=true and writes both files', async () => {
    const result = await pull(['--collection', 'testAPI', '--environment', 'testAPIEnv'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(kit.api.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /collections',
      `GET /collections/${uid(IDS.testApi)}?uid=true`,
      'GET /environments',
      `GET /environments/${uid(IDS.testEnv)}`,
    ])
    expect(kit.api.requests.every((r) => r.apiKey === API_KEY)).toBe(true)

    const collection = await readJson<{
      info: { name: string }
      item: Array<{ response: Array<{ uid: string }> }>
    }>(join(kit.dir, 'collections/testAPI.postman_collection.json'))
    expect(collection.info.name).toBe('testAPI')
    expect(collection.item[0]!.response.map((r) => r.uid)).toEqual([
      uid('b1b2c3d4-0000-4000-8000-000000000200'),
      uid('b1b2c3d4-0000-4000-8000-000000000401'),
    ])
    const environment = await readJson<{
      name: string
      values: Array<{ key: string }>
      _postman_variable_scope: string
    }>(join(kit.dir, 'environments/testAPIEnv.postman_environment.json'))
    expect(environment.name).toBe('testAPIEnv')
    expect(environment._postman_variable_scope).toBe('environment')
    expect(environment.values.map((v) => v.key)).toEqual(['baseUrl', 'token'])
    expect(result.stdout).toContain(
      'Pulled collection "testAPI" (1 request, 2 examples) → collections/testAPI.postman_collection.json',
    )
    expect(result.stdout).toContain(
      'Next: postmock serve collections/testAPI.postman_collection.json --environment environments/testAPIEnv.postman_environment.json',
    )
  })

  it('takes a uid directly, without listing, and the key from --api-key', async () => {
    const result = await pull(['--collection', uid(IDS.testApi), '--api-key', API_KEY], {})
    expect(result.code).toBe(0)
    expect(kit.api.requests.map((r) => r.url)).toEqual([`/collections/${uid(IDS.testApi)}?uid=true`])
    expect(await filesUnder(kit.dir)).toEqual([join(kit.dir, 'collections/testAPI.postman_collection.json')])
  })

  it('lists the candidates when a name is ambiguous', async () => {
    const result = await pull(['--collection', 'orders'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      '[postmock] Failed to find collection "orders": 2 collections have this name.',
    )
    expect(result.stderr).toContain(`- "Orders" (${uid(IDS.ordersA)})`)
    expect(result.stderr).toContain(`- "Orders" (${uid(IDS.ordersB)})`)
    expect(await filesUnder(kit.dir)).toEqual([])
  })

  it('lists similar names when a name is missing', async () => {
    const result = await pull(['--collection', 'test'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      '[postmock] Failed to find collection "test": no collection of this name or uid is visible to this API key.',
    )
    expect(result.stderr).toContain(`Similar names:\n  - "testAPI" (${uid(IDS.testApi)})`)
    const env = await pull(['--collection', 'testAPI', '--environment', 'prod'])
    expect(env.code).toBe(1)
    expect(env.stderr).toContain('Failed to find environment "prod"')
    expect(env.stderr).toContain(`- "testAPIEnv" (${uid(IDS.testEnv)})`)
  })

  it('explains 401, 403 and 404 in one line', async () => {
    const wrongKey = await pull(['--collection', 'testAPI'], { POSTMAN_API_KEY: 'PMAK-wrong-key-0000' })
    expect(wrongKey.code).toBe(1)
    expect(wrongKey.stderr.trim().split('\n')).toHaveLength(1)
    expect(wrongKey.stderr).toMatch(
      /^\[postmock\] Failed to fetch the collection list: the Postman API answered 401 Unauthorized .*the API key is missing, invalid or expired\. Set a valid key in POSTMAN_API_KEY/,
    )
    // the fake echoes the key it was sent in its message: it is masked
    expect(wrongKey.stderr).toContain('("Invalid API Key PMAK-…0000. Every request')
    expect(wrongKey.stderr).not.toContain('PMAK-wrong-key-0000')

    const forbidden = await pull(['--collection', 'Someone else'])
    expect(forbidden.code).toBe(1)
    expect(forbidden.stderr.trim().split('\n')).toHaveLength(1)
    expect(forbidden.stderr).toContain(
      `answered 403 Forbidden ("You are not permitted to perform the action on the requested resource"): this key's user may not read collection "Someone else" (${uid(IDS.forbidden)})`,
    )

    const missing = await pull(['--collection', uid('99999999-0000-4000-8000-000000000000')])
    expect(missing.code).toBe(1)
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    expect(missing.stderr).toContain('answered 404 Not Found')
    expect(missing.stderr).toContain("Check the uid, or pass the collection's name instead.")
  })

  it('refuses to start without a key, and explains an unreachable API', async () => {
    const noKey = await pull(['--collection', 'testAPI'], {})
    expect(noKey.code).toBe(1)
    expect(noKey.stderr).toContain(
      '[postmock] Failed to pull from the Postman API: no API key was given. Set POSTMAN_API_KEY (Postman: Settings > API keys); --api-key <key> works too, but shows in the process list.',
    )
    expect(kit.api.requests).toHaveLength(0)
    const closed = await startFakePostmanApi()
    await closed.close()
    const down = await pull(['--collection', 'testAPI'], { POSTMAN_API_KEY: API_KEY }, closed)
    expect(down.code).toBe(1)
    expect(down.stderr).toContain(`could not reach the Postman API at ${closed.url} (ECONNREFUSED)`)
  })

  it('never writes the key, even when an environment holds it as a value', async () => {
    const result = await pull(['--collection', 'testAPI', '--environment', 'With my key'])
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(
      'Removed your Postman API key from environments/With-my-key.postman_environment.json',
    )
    const env = await readJson<{ values: Array<{ key: string; value: string }> }>(
      join(kit.dir, 'environments/With-my-key.postman_environment.json'),
    )
    expect(env.values.find((v) => v.key === 'postmanApiKey')?.value).toBe('')
  })
})

describe('postmock pull: rate limits', () => {
  it('retries a 429 after the Retry-After seconds', async () => {
    const limited = await startFakePostmanApi({ rateLimitOnce: { '/collections': { 'retry-after': '1' } } })
    try {
      const result = await pull(['--collection', 'testAPI'], { POSTMAN_API_KEY: API_KEY }, limited)
      expect(result.code).toBe(0)
      expect(result.stderr).toContain(
        '[postmock] The Postman API is rate limiting (429) GET /collections; retry 1 in 1.0 s.',
      )
      const [first, second] = limited.requests
      expect(second!.url).toBe('/collections')
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(950)
      expect(limited.requests.every((r) => r.apiKey === API_KEY)).toBe(true)
    } finally {
      await limited.close()
    }
  })

  it('retries a 429 at the X-RateLimit-Reset epoch second', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 1)
    const limited = await startFakePostmanApi({
      rateLimitOnce: {
        [`/collections/${uid(IDS.testApi)}`]: { 'x-ratelimit-reset': reset, 'x-ratelimit-remaining': '0' },
      },
    })
    try {
      const result = await pull(['--collection', uid(IDS.testApi)], { POSTMAN_API_KEY: API_KEY }, limited)
      expect(result.code).toBe(0)
      expect(limited.requests).toHaveLength(2)
      expect(limited.requests[1]!.at).toBeGreaterThanOrEqual(Number(reset) * 1000 - 50)
    } finally {
      await limited.close()
    }
  })

  it('gives up at once when the API names a wait longer than a minute', async () => {
    const limited = await startFakePostmanApi({
      rateLimitOnce: { '/collections': { 'retry-after': '3600' } },
    })
    try {
      const started = Date.now()
      const result = await pull(['--collection', 'testAPI'], { POSTMAN_API_KEY: API_KEY }, limited)
      expect(Date.now() - started).toBeLessThan(5000)
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(
        /answered 429 Too Many Requests and asks to wait until \d{4}-\d\d-\d\dT.*Run the command again after that time/,
      )
      expect(limited.requests).toHaveLength(1)
    } finally {
      await limited.close()
    }
  })
})

describe('postmock pull --mock', () => {
  it('writes the collection, the environment and a postmock.config.json for the mock', async () => {
    const result = await pull(['--mock', IDS.publicMock])
    expect(result.code).toBe(0)
    expect(kit.api.requests.map((r) => r.url)).toEqual([
      `/mocks/${IDS.publicMock}`,
      `/collections/${uid(IDS.testApi)}?uid=true`,
      `/environments/${uid(IDS.testEnv)}`,
    ])
    const config = await readJson(join(kit.dir, 'postmock.config.json'))
    expect(config).toEqual({
      mocks: [
        {
          id: IDS.publicMock,
          name: 'testAPI mock',
          collection: 'collections/testAPI.postman_collection.json',
          environment: 'environments/testAPIEnv.postman_environment.json',
          private: false,
          config: {
            delay: null,
            headers: [],
            matchBody: false,
            matchHeader: false,
            matchQueryParams: true,
            matchWildcards: true,
            serverResponseId: null,
          },
        },
      ],
    })
    expect((await filesUnder(kit.dir)).sort()).toEqual(
      [
        'collections/testAPI.postman_collection.json',
        'environments/testAPIEnv.postman_environment.json',
        'postmock.config.json',
      ].map((f) => join(kit.dir, f)),
    )
    expect(result.stdout).toContain(`Wrote postmock.config.json: mock ${IDS.publicMock} (public)`)
    expect(result.stdout).toContain('Next: postmock serve postmock.config.json')
  })

  it('keeps other mocks in an existing config and records a private mock with its config', async () => {
    await writeFile(
      join(kit.dir, 'postmock.config.json'),
      JSON.stringify({ mocks: [{ id: 'other', collection: 'x.json', private: false, config: {} }] }),
    )
    const result = await pull(['--mock', IDS.privateMock])
    expect(result.code).toBe(0)
    const config = await readJson<{ mocks: Array<Record<string, unknown>> }>(
      join(kit.dir, 'postmock.config.json'),
    )
    expect(config.mocks.map((m) => m.id)).toEqual(['other', IDS.privateMock])
    expect(config.mocks[1]).toMatchObject({
      private: true,
      collection: 'collections/testAPI.postman_collection.json',
      environment: 'environments/testAPIEnv.postman_environment.json',
      config: {
        delay: { type: 'fixed', preset: '2', duration: 100 },
        matchHeader: true,
        headers: ['Authorization'],
      },
    })
    expect(result.stdout).toContain(
      'Next: postmock serve postmock.config.json   (a private mock: calls need x-api-key; with POSTMAN_API_KEY set, serve accepts only that key)',
    )
  })

  it('pulls the active server response a mock config names', async () => {
    const result = await pull(['--mock', IDS.outageMock])
    expect(result.code).toBe(0)
    expect(kit.api.requests.map((r) => r.url)).toContain(
      `/mocks/${IDS.outageMock}/server-responses/${IDS.serverResponse}`,
    )
    const config = await readJson<{ mocks: Array<Record<string, unknown>> }>(
      join(kit.dir, 'postmock.config.json'),
    )
    expect(config.mocks[0]).toMatchObject({
      config: { serverResponseId: IDS.serverResponse },
      serverResponse: {
        name: 'Maintenance',
        statusCode: 503,
        headers: [
          { key: 'Retry-After', value: '120' },
          { key: 'Content-Type', value: 'application/json' },
        ],
        body: '{"error":"maintenance"}',
      },
    })
    expect(result.stdout).toContain('has an active server response: every call gets 503 "Maintenance"')
  })

  it('explains an unknown mock id', async () => {
    const result = await pull(['--mock', 'nope'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      '[postmock] Failed to fetch mock nope: the Postman API answered 404 Not Found',
    )
    expect(result.stderr).toContain('Check the mock id (the first label of https://<mockId>.mock.pstmn.io).')
  })
})

describe('postmock pull: usage', () => {
  it('prints help and rejects wrong arguments', async () => {
    const help = await runCli(['pull', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('postmock pull --collection <uid|name>')
    const none = await runCli(['pull'])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('it needs --collection <uid|name> or --mock <mockId>')
    const unknown = await runCli(['pull', '--colection', 'x'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("Unknown option '--colection'")
  })
})
