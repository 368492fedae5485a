// #11: SIGTERM / SIGINT stop accepting, let requests in flight finish within --drain, close the rest, exit 0.
import { describe, expect, it } from 'vitest'
import { COLLECTION, ENVIRONMENT, openConnection, until } from './serve-kit.js'
import { isListening, startServe } from './serve-process.js'

const get = (path: string, delayMs: number) =>
  `GET ${path} HTTP/1.1\r\nHost: localhost\r\nx-mock-response-delay: ${delayMs}\r\n\r\n`

describe('postmock serve: graceful stop', () => {
  it('answers the requests in flight, closes those past --drain unanswered, and exits 0 at the deadline', async () => {
    const server = await startServe([COLLECTION, '--environment', ENVIRONMENT, '--drain', '2000'])
    const quick = await openConnection(server.port, get('/users/1?n=quick', 700))
    const slow = await openConnection(server.port, get('/users/1?n=slow', 20_000))
    await new Promise((resolve) => setTimeout(resolve, 200)) // both are in flight
    const stopped = performance.now()
    const exited = server.stop('SIGTERM')
    await until(() => server.stdout().includes('[postmock] SIGTERM: stopping the server.'), 'the stop line')
    expect(await isListening(server.port)).toBe(false) // no new connections while draining

    await quick.closed
    expect(quick.received()).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
    expect(quick.received()).toContain('Connection: close')
    expect(quick.received()).toContain('"name": "Ada Lovelace"')

    const slowClosedAfter = (await slow.closed) - 200
    expect(slow.received()).toBe('') // closed, no answer
    expect(slowClosedAfter).toBeGreaterThan(1500)
    expect(slowClosedAfter).toBeLessThan(8000)

    expect(await exited).toBe(0)
    expect(performance.now() - stopped).toBeLessThan(10_000) // not the 20 s the delay asked for
    const log = server.stdout()
    expect(log).toContain('Waiting up to 2000 ms for 2 requests in flight')
    expect(log).toMatch(/GET \/users\/1\?n=quick → 200 "Get user OK" \(Get user\) \d+ ms/)
    expect(log).toMatch(
      /GET \/users\/1\?n=slow → no answer \(closed at the --drain deadline\) "Get user OK" \(Get user\) \d+ ms/,
    )
    expect(log).not.toMatch(/n=slow → 200/)
    expect(server.stderr()).toContain(
      '[postmock] Failed to answer 1 request before the --drain deadline (2000 ms): their connections were closed without an answer. Give them longer with --drain <ms>.',
    )
  }, 30_000)

  it('stops at once on a second Ctrl-C, and at once with nothing in flight', async () => {
    const server = await startServe([COLLECTION, '--environment', ENVIRONMENT])
    const slow = await openConnection(server.port, get('/users/1', 30_000))
    await new Promise((resolve) => setTimeout(resolve, 200))
    const stopped = performance.now()
    const exited = server.stop('SIGINT')
    await until(() => server.stdout().includes('Ctrl-C again stops at once'), 'the drain line')
    server.child.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(performance.now() - stopped).toBeLessThan(3000) // not the 5 s drain, nor the 30 s delay
    await slow.closed
    expect(slow.received()).toBe('')

    const idle = await startServe([COLLECTION, '--environment', ENVIRONMENT])
    const keptAlive = await openConnection(idle.port, 'GET /users/1 HTTP/1.1\r\nHost: localhost\r\n\r\n')
    await until(() => keptAlive.received().includes('Ada Lovelace'), 'the answer')
    const idleStopped = performance.now()
    expect(await idle.stop('SIGTERM')).toBe(0)
    expect(performance.now() - idleStopped).toBeLessThan(3000) // an idle keep-alive connection does not hold it
    await keptAlive.closed
  }, 30_000)
})
