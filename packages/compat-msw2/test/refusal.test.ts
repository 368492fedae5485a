/**
 * msw 2 reads `onUnhandledRequest` (msw 3 ignores it and reads `onUnhandledFrame`): with 'error', a request
 * to an origin the mock does not serve is refused before any socket opens. A real loopback server proves it.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createPostmanMock } from '@postmock/core'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const collection = {
  info: { name: 'refusal', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [
    {
      name: 'Get user',
      request: { method: 'GET', url: 'https://api.example.com/users/1' },
      response: [
        {
          name: 'ok',
          originalRequest: { method: 'GET', url: 'https://api.example.com/users/1' },
          code: 200,
          header: [{ key: 'Content-Type', value: 'application/json' }],
          body: '{"id":1}',
        },
      ],
    },
  ],
}

/** A real HTTP server on 127.0.0.1 that counts the TCP connections it receives. */
function startCountingServer(): Promise<{
  url: string
  connections: () => number
  close: () => Promise<void>
}> {
  let connections = 0
  const server = http.createServer((_request, response) => response.end('reached the network'))
  server.on('connection', () => {
    connections++
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${port}`,
        connections: () => connections,
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}

describe('msw 2 refuses an unserved origin (onUnhandledRequest: "error")', () => {
  const mock = createPostmanMock(collection, { baseUrls: ['https://api.example.com'], onWarning: () => {} })
  const server = setupServer(...mock.handlers)
  let loopback: Awaited<ReturnType<typeof startCountingServer>>

  beforeAll(async () => {
    loopback = await startCountingServer()
    server.listen({ onUnhandledRequest: 'error' })
  })
  afterAll(async () => {
    server.close()
    await loopback.close()
  })

  test('a served origin is answered from the collection', async () => {
    const response = await fetch('https://api.example.com/users/1')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ id: 1 })
    expect(mock.serves(loopback.url)).toBe(false)
  })

  test('fetch to the unserved loopback server rejects, and the server sees no connection', async () => {
    const error = await fetch(`${loopback.url}/secret`).then(
      () => undefined,
      (reason: unknown) => reason,
    )
    expect(error).toBeInstanceOf(Error)
    const text = `${(error as Error).message} ${String((error as Error & { cause?: unknown }).cause ?? '')}`
    expect(text).toMatch(/onUnhandledRequest|fetch failed/)
    // Give a leaked connection time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(loopback.connections()).toBe(0)
  })

  test('node:http to the unserved loopback server errors too, with no connection', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const request = http.get(`${loopback.url}/secret`, (response) => {
        response.resume()
        resolve(`answered ${response.statusCode}`)
      })
      request.on('error', (error) => resolve(`error: ${error.message}`))
    })
    expect(outcome).toMatch(/^error: /)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(loopback.connections()).toBe(0)
  })

  test('control: without msw listening, the same fetch reaches the loopback server', async () => {
    server.close()
    try {
      const response = await fetch(`${loopback.url}/secret`)
      expect(await response.text()).toBe('reached the network')
      expect(loopback.connections()).toBe(1)
    } finally {
      server.listen({ onUnhandledRequest: 'error' })
    }
  })
})
