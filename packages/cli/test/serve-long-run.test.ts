// #9: a per-request cost that does not grow with uptime, and memory that stays put.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COLLECTION, cpuMs, ENVIRONMENT, median, memoryMiB } from './serve-kit.js'
import { type ServeProcess, startServe } from './serve-process.js'

const BLOCK = 3000
const BLOCKS = 8
const CONCURRENCY = 10

/** Sends `count` requests over `CONCURRENCY` keep-alive connections; every answer must be the seed's. */
async function sendBlock(origin: string, count: number): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < count) {
      const i = next++
      const response = await fetch(`${origin}/users/${i % 2 ? 1 : 2}`, {
        headers: i % 3 === 0 ? { 'x-mock-response-code': '401' } : {},
      })
      await response.arrayBuffer()
      if (response.status !== (i % 3 === 0 ? 401 : 200)) throw new Error(`status ${response.status}`)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
}

describe.skipIf(process.platform !== 'linux')('postmock serve over a long run', () => {
  let server: ServeProcess

  beforeAll(async () => {
    // V8 grows its young generation to 128 MiB under a steady stream of requests, then holds it: capped
    // here, what RSS still gains is what the server keeps.
    server = await startServe([COLLECTION, '--environment', ENVIRONMENT], {
      env: { NODE_OPTIONS: '--max-semi-space-size=4' },
    })
  })
  afterAll(async () => {
    if (server.child.exitCode === null) await server.stop()
  })

  it('spends as much CPU per request after 24,000 requests as at the start, and keeps its memory', async () => {
    const pid = server.child.pid!
    await sendBlock(server.origin, 1000) // warm-up: JIT, connections
    const memoryBefore = memoryMiB(pid).rss
    const cpuPerRequest: number[] = []
    for (let block = 0; block < BLOCKS; block++) {
      const cpu = cpuMs(pid)
      await sendBlock(server.origin, BLOCK)
      cpuPerRequest.push(((cpuMs(pid) - cpu) * 1000) / BLOCK)
    }
    const first = median(cpuPerRequest.slice(0, 3))
    const last = median(cpuPerRequest.slice(-3))
    const growth = memoryMiB(pid).rss - memoryBefore
    // A call log read back per request (the old log line did) costs O(calls so far): ~1.6x here by the end.
    expect(
      last,
      `CPU µs per request by block: ${cpuPerRequest.map((us) => us.toFixed(0)).join(', ')}`,
    ).toBeLessThan(first * 1.3)
    expect(growth, `RSS growth ${growth.toFixed(1)} MiB`).toBeLessThan(40)
  }, 120_000)
})
