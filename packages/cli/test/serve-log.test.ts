// #13: the log line names the example chosen for that very request, masks API keys, and shows control characters escaped.
import { describe, expect, it } from 'vitest'
import { COLLECTION, ENVIRONMENT, until, writeCollection } from './serve-kit.js'
import { startServe, waitForLog } from './serve-process.js'

const KEY = 'PMAK-6740f1c2a9e84b5d-0a1b2c3d4e5f60718293a4b5c6d7e8f9'

describe('postmock serve: the log line', () => {
  it('names the example chosen for each request, also when answers finish out of order', async () => {
    const server = await startServe([COLLECTION, '--environment', ENVIRONMENT])
    try {
      // The same URL three ways, at once: the 401s wait, so calls are recorded in another order than answered.
      const statuses = await Promise.all([
        fetch(`${server.origin}/users/1`, {
          headers: { 'x-mock-response-code': '401', 'x-mock-response-delay': '400' },
        }),
        fetch(`${server.origin}/users/1`, {
          headers: { 'x-mock-response-name': 'Unauthorized', 'x-mock-response-delay': '200' },
        }),
        fetch(`${server.origin}/users/1`),
      ]).then((responses) =>
        Promise.all(
          responses.map(async (response) => {
            await response.arrayBuffer()
            return response.status
          }),
        ),
      )
      expect(statuses).toEqual([401, 401, 200])
      const lines = () =>
        server
          .stdout()
          .split('\n')
          .filter((line) => line.startsWith('GET /users/1 '))
      await until(() => lines().length === 3, 'three log lines')
      expect(lines().filter((line) => /→ 401 "Unauthorized" \(Get user\) \d+ ms$/.test(line))).toHaveLength(1)
      expect(
        lines().filter((line) => /→ 401 "Unauthorized" \(Get user\) \[x-mock-response-name\]/.test(line)),
      ).toHaveLength(1)
      expect(lines().filter((line) => /→ 200 "Get user OK" \(Get user\)/.test(line))).toHaveLength(1)
    } finally {
      await server.stop()
    }
  })

  it('masks apikey, api_key and x-api-key values in the logged URL', async () => {
    const server = await startServe([COLLECTION, '--environment', ENVIRONMENT])
    try {
      const encoded = encodeURIComponent(KEY)
      for (const query of [
        `apikey=${KEY}`,
        `api_key=${encoded}&page=2`,
        `X-Api-Key=${KEY}`,
        'apikey=short',
      ]) {
        const response = await fetch(`${server.origin}/users/1?${query}`)
        await response.arrayBuffer()
      }
      await waitForLog(server, /apikey=\*\*\*/)
      const log = server.stdout()
      expect(log).toContain('GET /users/1?apikey=PMAK-…e8f9 → ')
      expect(log).toContain('GET /users/1?api_key=PMAK-…e8f9&page=2 → ')
      expect(log).toContain('GET /users/1?X-Api-Key=PMAK-…e8f9 → ')
      expect(log).toContain('GET /users/1?apikey=*** → ')
      expect(log).not.toContain(KEY.slice(5, 25))
    } finally {
      await server.stop()
    }
  })

  it('shows escape sequences from collection names and request paths escaped, never raw', async () => {
    const collection = await writeCollection('Evil \u001b]0;pwned\u0007', [
      {
        name: 'Clear \u001b[2J\u001b[H screen',
        path: 'evil',
        examples: [{ name: 'OK \u001b[31mred\u202e', code: 200, body: 'ok' }],
      },
    ])
    const server = await startServe([collection])
    try {
      const response = await fetch(`${server.origin}/evil`)
      await response.arrayBuffer()
      const encoded = await fetch(`${server.origin}/evil%1b[2J`)
      await encoded.arrayBuffer()
      await waitForLog(server, /GET \/evil%1b/)
      const log = server.stdout()
      expect(log).toContain('GET /evil → 200 "OK \\x1b[31mred\\u202e" (Clear \\x1b[2J\\x1b[H screen)')
      expect(log).toContain('GET /evil%1b[2J → ')
      expect(log).not.toContain('\u001b')
      expect(log).not.toContain('\u202e')
    } finally {
      await server.stop()
    }
  })
})
