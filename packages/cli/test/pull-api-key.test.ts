import { describe, expect, it } from 'vitest'
import { API_KEY, IDS, startFakePostmanApi, uid } from './fake-postman-api.js'
import { usePullKit } from './pull-kit.js'
import { runCli } from './run-cli.js'

const kit = usePullKit()
const { pull } = kit
const withKey = { POSTMAN_API_KEY: API_KEY }

describe('postmock pull: the API key is never printed', () => {
  it('masks the key the API echoes in its status text and error message', async () => {
    const result = await pull(['--collection', uid(IDS.echoKey)])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      `[postmock] Failed to fetch collection ${uid(IDS.echoKey)}: the Postman API answered 400 Bad Request for PMAK-…e8f9 ("The key PMAK-…e8f9 may not read this"). Check the arguments.\n`,
    )
    const fromArgument = await pull(['--collection', uid(IDS.echoKey), '--api-key', API_KEY], {})
    expect(fromArgument.stderr).toContain('answered 400 Bad Request for PMAK-…e8f9')
  })

  it('masks it in normal output too, and keeps it out of file names', async () => {
    const result = await pull(['--collection', uid(IDS.keyInName)])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      '[postmock] Pulled collection "Key PMAK-…e8f9 inside" (0 requests, 0 examples) → collections/Key-PMAK--e8f9-inside.postman_collection.json',
    )
    expect(result.stderr).toContain(
      'Removed your Postman API key from collections/Key-PMAK--e8f9-inside.postman_collection.json',
    )
  })

  it('masks it in an error about the command line', async () => {
    const result = await pull(['--collection', 'x', '--timeout', API_KEY])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      '[postmock] Failed to run postmock pull: --timeout takes milliseconds, a whole number from 1 to 2147483647 (got "PMAK-…e8f9"). See postmock pull --help.\n',
    )
  })
})

describe('postmock pull: redirects', () => {
  it('follows a redirect within the API origin, with the key', async () => {
    const moved = await startFakePostmanApi({ redirect: { prefix: '/old', to: '' } })
    try {
      const result = await pull(['--collection', uid(IDS.testApi)], withKey, { url: `${moved.url}/old` })
      expect(result.code, result.stderr).toBe(0)
      expect(moved.requests.map((r) => [r.url, r.apiKey])).toEqual([
        [`/old/collections/${uid(IDS.testApi)}?uid=true`, API_KEY],
        [`/collections/${uid(IDS.testApi)}?uid=true`, API_KEY],
      ])
    } finally {
      await moved.close()
    }
  })

  it('does not follow a redirect to another origin: the key never reaches it', async () => {
    const other = await startFakePostmanApi()
    const away = await startFakePostmanApi({ redirect: { prefix: '/away', to: other.url } })
    try {
      const result = await pull(['--collection', uid(IDS.testApi)], withKey, { url: `${away.url}/away` })
      expect(result.code).toBe(1)
      expect(result.stderr).toBe(
        `[postmock] Failed to fetch collection ${uid(IDS.testApi)}: the Postman API at ${away.url}/away redirected to another origin, ${other.url}, and postmock sends your API key to no other origin. If that server is the Postman API, pass --api-url ${other.url}.\n`,
      )
      expect(away.requests).toHaveLength(1)
      expect(other.requests.filter((r) => r.apiKey !== undefined)).toEqual([])
      expect(other.requests).toEqual([])
    } finally {
      await Promise.all([other.close(), away.close()])
    }
  })

  it('stops after 5 redirects', async () => {
    const loop = await startFakePostmanApi({ redirect: { prefix: '/loop', to: '/loop' } })
    try {
      const result = await pull(['--collection', 'testAPI'], withKey, { url: `${loop.url}/loop` })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`the Postman API at ${loop.url}/loop redirected more than 5 times`)
      expect(loop.requests).toHaveLength(6)
    } finally {
      await loop.close()
    }
  })
})

describe('postmock pull: timeouts', () => {
  it('gives up on an API that never answers after --timeout', async () => {
    const silent = await startFakePostmanApi({ hang: ['/collections'] })
    try {
      const result = await pull(['--collection', 'testAPI', '--timeout', '500'], withKey, silent)
      expect(result.code).toBe(1)
      expect(result.stderr).toBe(
        `[postmock] Failed to fetch the collection list: the Postman API did not answer within 500 ms (${silent.url}). Check your network and --api-url, or allow more time with --timeout <ms>.\n`,
      )
    } finally {
      await silent.close()
    }
  })

  it('and on one that stops in the middle of its answer', async () => {
    const stalled = await startFakePostmanApi({ stall: ['/collections'] })
    try {
      const result = await pull(['--collection', 'testAPI', '--timeout', '1500'], withKey, stalled)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('the Postman API did not answer within 1.5 s')
    } finally {
      await stalled.close()
    }
  })

  it('rejects a --timeout that is not a number of milliseconds', async () => {
    for (const value of ['0', '1.5', 'soon', '9999999999']) {
      const result = await pull(['--collection', 'testAPI', '--timeout', value])
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(
        `--timeout takes milliseconds, a whole number from 1 to 2147483647 (got "${value}")`,
      )
    }
    expect(kit.api.requests).toEqual([])
  })
})

describe('postmock pull --help', () => {
  it('prefers POSTMAN_API_KEY to --api-key, and says why', async () => {
    const help = await runCli(['pull', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('export POSTMAN_API_KEY=PMAK-...')
    expect(help.stdout).toContain(
      'set POSTMAN_API_KEY rather than passing --api-key, which every user of this\nmachine can see in the process list (ps)',
    )
    expect(help.stdout).toContain(
      '--timeout <ms>            How long one request to the API may take (default 30000)',
    )
  })
})
