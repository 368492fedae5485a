import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createPostmanApi } from './postman-api.js'

let server: Server | undefined

async function serve(
  answer: (count: number) => { status: number; headers?: Record<string, string>; body: string },
) {
  let count = 0
  server = createServer((_req, res) => {
    const { status, headers, body } = answer(++count)
    res.writeHead(status, { 'content-type': 'application/json', ...headers })
    res.end(body)
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, count: () => count }
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve))
  server = undefined
})

const list = { kind: 'list', label: 'the collection list' } as const

describe('createPostmanApi', () => {
  it('gives up on 429 after maxRetries, retrying after the named time each time', async () => {
    const api429 = await serve(() => ({ status: 429, headers: { 'retry-after': '0' }, body: '{}' }))
    const waits: number[] = []
    const api = createPostmanApi({
      apiKey: 'k',
      apiUrl: api429.url,
      onRetry: ({ waitMs }) => waits.push(waitMs),
    })
    await expect(api.get('/collections', list)).rejects.toThrow(
      '[postmock] Failed to fetch the collection list: the Postman API still answered 429 Too Many Requests after 3 retries. Wait a minute and run the command again.',
    )
    expect(api429.count()).toBe(4)
    expect(waits).toEqual([0, 0, 0])
  })

  it('names a 5xx and a body that is not JSON', async () => {
    const down = await serve((n) =>
      n === 1
        ? { status: 503, body: '{"error":{"name":"serverError","message":"Service unavailable."}}' }
        : { status: 200, body: '<html>' },
    )
    const api = createPostmanApi({ apiKey: 'k', apiUrl: `${down.url}/` })
    await expect(api.get('/collections', list)).rejects.toThrow(
      'the Postman API answered 503 Service Unavailable ("Service unavailable"). Try again in a minute.',
    )
    await expect(api.get('/collections', list)).rejects.toThrow('answered 200 with a body that is not JSON')
  })
})
