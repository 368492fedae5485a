/**
 * Load for the serve bench, with autocannon 8 in this process: fixed-time runs at a number of
 * connections (throughput, latency, the server's CPU per request), a soak of a fixed number of
 * requests (throughput per window of requests, resident memory), and bodies over `--max-body`.
 */
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ROOT } from './modules.mjs'
import { processCpu, processMemory } from './serve-servers.mjs'

const autocannon = createRequire(join(ROOT, 'package.json'))('autocannon')

const cannonRequests = (requests) =>
  requests.map(({ method, path, headers, body }) => ({ method, path, headers, ...(body ? { body } : {}) }))

function run(options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)))
    options.onInstance?.(instance)
  })
}

/** `seconds` of requests over `connections` keep-alive connections, cycling through `requests`. */
export async function loadRun(server, requests, { connections, seconds }) {
  const cpu = processCpu(server.pid)
  const result = await run({
    url: server.origin,
    connections,
    duration: seconds,
    requests: cannonRequests(requests),
  })
  const total = result.requests.total
  return {
    rps: total / result.duration,
    total,
    cpuUs: ((processCpu(server.pid) - cpu) * 1000) / total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }
}

/**
 * `warmup` requests untimed, then `total` requests over `connections`: the throughput and the server's CPU
 * per request of each window of `window` requests, and resident memory at start (idle), after the
 * warm-up, at the end and at its peak.
 */
export async function soak(server, requests, { connections, warmup, total, window }) {
  const idle = processMemory(server.pid)
  await run({ url: server.origin, connections, amount: warmup, requests: cannonRequests(requests) })
  const afterWarmup = processMemory(server.pid)
  const marks = [{ at: performance.now(), cpu: processCpu(server.pid) }]
  let count = 0
  const result = await run({
    url: server.origin,
    connections,
    amount: total,
    requests: cannonRequests(requests),
    onInstance: (instance) =>
      instance.on('response', () => {
        if (++count % window === 0) marks.push({ at: performance.now(), cpu: processCpu(server.pid) })
      }),
  })
  const end = processMemory(server.pid)
  const windows = marks.slice(1).map((mark, i) => ({
    rps: window / ((mark.at - marks[i].at) / 1000),
    cpuUs: ((mark.cpu - marks[i].cpu) * 1000) / window,
  }))
  return {
    windows,
    first: windows[0],
    last: windows.at(-1),
    memory: { idle: idle.rss, afterWarmup: afterWarmup.rss, end: end.rss, peak: end.peak },
    errors: result.errors + result.timeouts,
  }
}

/**
 * `parallel` uploads of `megabytes` MB with a Content-Length and as many chunked, at once: their
 * statuses and the server's peak resident memory before and after.
 */
export async function oversizedBodies(server, { parallel, megabytes }) {
  const warm = await fetch(`${server.origin}/users/1`)
  await warm.arrayBuffer()
  const before = processMemory(server.pid)
  const big = new Uint8Array(megabytes * 1024 * 1024)
  const chunked = () => {
    let sent = 0
    return new ReadableStream({
      pull(controller) {
        if (sent >= big.length) return controller.close()
        controller.enqueue(big.subarray(sent, sent + 65536))
        sent += 65536
      },
    })
  }
  const upload = async (streamed) => {
    try {
      const response = await fetch(`${server.origin}/users/1`, {
        method: 'POST',
        body: streamed ? chunked() : big,
        ...(streamed ? { duplex: 'half' } : {}),
      })
      await response.arrayBuffer()
      return response.status
    } catch (error) {
      return String(error.cause?.code ?? error.message)
    }
  }
  const statuses = await Promise.all([
    ...Array.from({ length: parallel }, () => upload(false)),
    ...Array.from({ length: parallel }, () => upload(true)),
  ])
  const after = processMemory(server.pid)
  return { statuses, before, after }
}
