/**
 * Time per request, one request at a time, on four paths, in one run:
 *   (a) global `fetch` in a real Vitest run (node environment) where `setupPostmanMocks()` serves the
 *       collection: what a test's request costs through the adapters;
 *   (d) undici's `request()` in the same Vitest run, through the adapters;
 *   (b) `fetch` from the bench process to a `postmock serve` process on 127.0.0.1 (same collection);
 *   (c) core's `mock.respond(request)` in the bench process: the floor.
 * The Vitest test and the bench take turns block by block through two named pipes: the test sends a
 * block of (a) and of (d), then hands over; the bench sends the same block of (b) and of (c), then hands
 * back. Nothing else runs while a side is timed, and all four paths see the machine in the same state.
 */
import { spawn } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { percentile } from './measure.mjs'
import { ROOT } from './modules.mjs'
import { CLI_BIN, makeFifo, runVitest, tail, writeProject } from './projects.mjs'
import { MOCK_ORIGIN, sampleRequests, toRequest } from './requests.mjs'

const noop = () => undefined

/** The generated test: the (a) and (d) sides, in lock-step with the bench over two named pipes. */
const TEST_FILE = `import { closeSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs'
import { setupPostmanMocks } from '@postmock/vitest'
import { test } from 'vitest'

const plan = JSON.parse(readFileSync(process.env.POSTMOCK_BENCH_PLAN, 'utf8'))
setupPostmanMocks(plan.collection, plan.options)
const undici = plan.undici ? await import('undici') : undefined

/** Blocking line exchange with the bench (named pipes: file I/O, which no interceptor sees). */
function channel() {
  const out = openSync(plan.toBench, 'w')
  const input = openSync(plan.toTest, 'r')
  const buffer = Buffer.alloc(256)
  return {
    send: (line) => writeSync(out, line + '\\n'),
    wait() {
      let text = ''
      while (!text.endsWith('\\n')) {
        const n = readSync(input, buffer, 0, buffer.length, null)
        if (n === 0) throw new Error('the bench closed the pipe')
        text += buffer.toString('utf8', 0, n)
      }
      return text.trim()
    },
    close() {
      closeSync(out)
      closeSync(input)
    },
  }
}

const sides = {
  fetch: async (r) => {
    const response = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body })
    await response.text()
    return response.status
  },
  undici: async (r) => {
    const response = await undici.request(r.url, { method: r.method, headers: r.headers, body: r.body })
    await response.body.text()
    return response.statusCode
  },
}
const names = plan.undici ? ['fetch', 'undici'] : ['fetch']
const samples = Object.fromEntries(names.map((name) => [name, { wall: [], cpu: 0, n: 0 }]))

async function runBlock(name, block) {
  const timed = block >= plan.warmupBlocks
  const send = sides[name]
  const cpu = process.cpuUsage()
  for (let i = 0; i < plan.perBlock; i++) {
    const r = plan.requests[(block * plan.perBlock + i) % plan.requests.length]
    const started = performance.now()
    const status = await send(r).catch((error) => {
      throw new Error(name + ' ' + r.method + ' ' + r.url + ' failed: ' + error.message, { cause: error })
    })
    const wall = performance.now() - started
    if (status !== r.status) throw new Error(name + ' ' + r.method + ' ' + r.url + ': status ' + status + ', expected ' + r.status)
    if (timed) samples[name].wall.push(wall)
  }
  if (timed) {
    const used = process.cpuUsage(cpu)
    samples[name].cpu += (used.user + used.system) / 1000
    samples[name].n += plan.perBlock
  }
}

test('requests, one at a time', async () => {
  const bench = channel()
  try {
    for (let block = 0; block < plan.blocks; block++) {
      const testFirst = block % 2 === 0
      if (!testFirst) {
        bench.send('turn ' + block)
        bench.wait()
      }
      const order = (block >> 1) % 2 === 0 ? names : [...names].reverse()
      for (const name of order) await runBlock(name, block)
      if (testFirst) {
        bench.send('turn ' + block)
        bench.wait()
      }
    }
    writeFileSync(plan.samplesFile, JSON.stringify(samples))
    bench.send('done')
  } finally {
    bench.close()
  }
})
`

/** The collections of the per-request figures, with the requests sent to them and the expected statuses. */
export async function perRequestCases(core) {
  const { createPostmanMock } = core
  const read = (path) => JSON.parse(readFileSync(path, 'utf8'))
  const testApi = {
    name: 'testAPI (seed)',
    slug: 'testapi',
    collection: join(ROOT, 'examples/testAPI.postman_collection.json'),
    environment: join(ROOT, 'examples/testAPIEnv.postman_environment.json'),
    baseUrls: ['https://api.example.com'],
  }
  const box = {
    name: 'box-platform',
    slug: 'box',
    collection: join(ROOT, 'test/fixtures/collections/box-platform.postman_collection.json'),
  }
  const cases = []
  for (const c of [testApi, box]) {
    const options = {
      ...(c.environment ? { environment: read(c.environment) } : {}),
      ...(c.baseUrls ? { baseUrls: c.baseUrls } : {}),
      onWarning: noop,
    }
    const mock = createPostmanMock(read(c.collection), options)
    const origin = c.baseUrls?.[0] ?? MOCK_ORIGIN
    const sampled = sampleRequests(mock.examples, 100).map((s) => ({
      ...s,
      url: origin + s.url.slice(MOCK_ORIGIN.length),
    }))
    // The seed scenario's other answer: the 401 example, chosen with Postman's control header.
    if (c === testApi) {
      const first = sampled[0]
      sampled.push({ ...first, headers: { ...first.headers, 'x-mock-response-code': '401' } })
    }
    const requests = []
    for (const s of sampled) {
      const response = await mock.respond(toRequest(s))
      await response.text()
      const url = new URL(s.url)
      requests.push({
        method: s.method,
        url: s.url,
        path: url.pathname + url.search,
        headers: s.headers,
        body: s.body,
        status: response.status,
      })
    }
    cases.push({ ...c, core: createPostmanMock(read(c.collection), options), requests })
  }
  return cases
}

/** CPU ms used so far by another process (all its threads), from /proc/<pid>/stat (10 ms ticks). */
function processCpu(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10 // utime + stime, at CLK_TCK = 100
}

/** Starts `postmock serve` on a free port, its output in a file; resolves once it listens. */
async function startServe(c, dir) {
  const log = join(dir, `serve-${c.slug}.log`)
  const fd = openSync(log, 'w')
  const args = [CLI_BIN, 'serve', c.collection, ...(c.environment ? ['--environment', c.environment] : [])]
  const child = spawn(process.execPath, [...args, '--port', '0'], {
    env: { ...process.env, NO_COLOR: '1', POSTMAN_API_KEY: '' },
    stdio: ['ignore', fd, fd],
  })
  closeSync(fd)
  let exited = false
  child.on('exit', () => {
    exited = true
  })
  const until = performance.now() + 20_000
  for (;;) {
    const match = /Serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(readFileSync(log, 'utf8'))
    if (match) {
      return {
        origin: match[1],
        pid: child.pid,
        stop: () =>
          new Promise((resolve) => {
            if (exited) return resolve()
            child.once('exit', resolve)
            child.kill('SIGTERM')
          }),
      }
    }
    if (exited || performance.now() > until)
      throw new Error(
        `[postmock] Failed to start postmock serve for the bench:\n${readFileSync(log, 'utf8')}`,
      )
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Reads lines from a file handle (a named pipe). */
function lineReader(handle) {
  let pending = ''
  const buffer = Buffer.alloc(256)
  return async () => {
    while (!pending.includes('\n')) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
      if (bytesRead === 0) return undefined
      pending += buffer.toString('utf8', 0, bytesRead)
    }
    const at = pending.indexOf('\n')
    const line = pending.slice(0, at)
    pending = pending.slice(at + 1)
    return line
  }
}

/** Runs one collection: Vitest (sides a, d) in lock-step with the bench (sides b, c). */
async function runCase(c, dir, settings) {
  const serve = await startServe(c, dir)
  const toBench = makeFifo(join(dir, `to-bench-${c.slug}`))
  const toTest = makeFifo(join(dir, `to-test-${c.slug}`))
  const samplesFile = join(dir, `samples-${c.slug}.json`)
  rmSync(samplesFile, { force: true })
  const planFile = join(dir, `plan-${c.slug}.json`)
  writeFileSync(
    planFile,
    JSON.stringify({
      collection: c.collection,
      options: {
        ...(c.environment ? { environment: c.environment } : {}),
        ...(c.baseUrls ? { baseUrls: c.baseUrls } : {}),
      },
      requests: c.requests,
      perBlock: settings.perBlock,
      blocks: settings.warmupBlocks + settings.blocks,
      warmupBlocks: settings.warmupBlocks,
      undici: settings.undici,
      toBench,
      toTest,
      samplesFile,
    }),
  )
  // Both pipes are opened read-write here, so neither open blocks (Linux), and a line the bench writes
  // to its own input unblocks its read if Vitest exits early.
  const input = await open(toBench, 'r+')
  const output = await open(toTest, 'r+')
  const nextLine = lineReader(input)
  const run = runVitest(dir, ['requests.test.ts'], {
    env: { POSTMOCK_BENCH_PLAN: planFile },
    logName: `vitest-${c.slug}.log`,
  })
  let finished = false
  void run.then(() => {
    if (!finished) void input.write('exit\n')
  })

  const sides = {
    serve: async (r) => {
      const response = await fetch(serve.origin + r.path, {
        method: r.method,
        headers: r.headers,
        body: r.body,
      })
      await response.text()
      return response.status
    },
    respond: async (_r, request) => {
      const response = await c.core.respond(request)
      await response.text()
      return response.status
    },
  }
  const samples = {
    serve: { wall: [], cpu: 0, serveCpu: 0, n: 0 },
    respond: { wall: [], cpu: 0, n: 0 },
  }
  const runBlock = async (name, block) => {
    const timed = block >= settings.warmupBlocks
    const send = sides[name]
    const serveCpu = name === 'serve' ? processCpu(serve.pid) : 0
    const cpu = process.cpuUsage()
    for (let i = 0; i < settings.perBlock; i++) {
      const r = c.requests[(block * settings.perBlock + i) % c.requests.length]
      const request = toRequest(r) // used by core's side only; built before the clock starts
      const started = performance.now()
      const status = await send(r, request)
      const wall = performance.now() - started
      if (status !== r.status)
        throw new Error(
          `[postmock] bench ${name} ${r.method} ${r.path}: status ${status}, expected ${r.status}`,
        )
      if (timed) samples[name].wall.push(wall)
    }
    if (timed) {
      const used = process.cpuUsage(cpu)
      samples[name].cpu += (used.user + used.system) / 1000
      samples[name].n += settings.perBlock
      if (name === 'serve') samples.serve.serveCpu += processCpu(serve.pid) - serveCpu
    }
  }

  try {
    for (;;) {
      const line = await nextLine()
      if (line === 'done') break
      const turn = /^turn (\d+)$/.exec(line ?? '')
      if (!turn) {
        const result = await run
        throw new Error(
          `[postmock] Failed to bench ${c.name} in Vitest (exit code ${result.code}):\n${tail(result.log)}`,
        )
      }
      const block = Number(turn[1])
      const order = (block >> 1) % 2 === 0 ? ['serve', 'respond'] : ['respond', 'serve']
      for (const name of order) await runBlock(name, block)
      await output.write('go\n')
    }
    finished = true
    const result = await run
    if (result.code !== 0 || !existsSync(samplesFile))
      throw new Error(
        `[postmock] Vitest failed on ${c.name} (exit code ${result.code}):\n${tail(result.log)}`,
      )
    return { ...samples, ...JSON.parse(readFileSync(samplesFile, 'utf8')) }
  } finally {
    finished = true
    await input.close()
    await output.close()
    await serve.stop()
  }
}

/** Percentiles (ms) and CPU per request (µs) of one side. */
function summarise(side) {
  if (!side) return undefined
  return {
    n: side.wall.length,
    p50: percentile(side.wall, 0.5),
    p90: percentile(side.wall, 0.9),
    cpuUs: (side.cpu * 1000) / side.n,
    serveCpuUs: side.serveCpu !== undefined ? (side.serveCpu * 1000) / side.n : undefined,
  }
}

/** Runs the per-request figures for every case; returns one result per collection. */
export async function measurePerRequest(cases, settings, log) {
  const dir = writeProject('per-request', { 'requests.test.ts': TEST_FILE })
  const results = []
  for (const c of cases) {
    const started = performance.now()
    const raw = await runCase(c, dir, settings)
    const sides = {
      fetch: summarise(raw.fetch),
      serve: summarise(raw.serve),
      respond: summarise(raw.respond),
      undici: summarise(raw.undici),
    }
    results.push({
      name: c.name,
      requests: c.requests.length,
      sides,
      seconds: (performance.now() - started) / 1000,
    })
    const { fetch: a, serve: b, respond: cc, undici: d } = sides
    log(
      `per request, ${c.name}: p50 adapters fetch ${a.p50.toFixed(3)} ms, serve ${b.p50.toFixed(3)} ms, respond() ${cc.p50.toFixed(3)} ms` +
        (d ? `, adapters undici ${d.p50.toFixed(3)} ms` : '') +
        `  (a)/(b) ${(a.p50 / b.p50).toFixed(2)}×`,
    )
  }
  return results
}
