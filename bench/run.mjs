/**
 * `pnpm bench`: postmock against a bare msw handler, collection load times and core's browser bundle
 * size. Writes bench/RESULTS.md. Run with Node 24 (`pnpm bench` uses node_modules/.bin/node).
 *
 * Method: for each collection, ~100 requests are built from its examples. The baseline for a request
 * is one `http.<method>(url, () => HttpResponse.json(sameBody))` handler; postmock is `mock.handlers`.
 * Both go through msw's `getResponse(handlers, request)` and through `setupServer` + global `fetch`,
 * each request timed on its own (the handler list is set before the clock starts, for both sides),
 * with warm-up passes and the two sides interleaved A B / B A in the same process.
 *
 * Issue #8's figures, each a ratio measured in the same run: the time of one request through the
 * adapters in a real Vitest run against a `postmock serve` process and core's `respond()`, in lock-step
 * (lib/per-request.mjs); and the CPU time of a 20-file Vitest suite using `setupPostmanMocks()` against
 * the same suite with a bare msw handler, in alternating runs (lib/suite.mjs). Their Vitest projects are
 * generated under bench/.projects (gitignored); they load the packages' builds (`pnpm run build`).
 *
 * Then bench/serve.mjs (issue #9: `postmock serve` next to the peer under load) adds its own section.
 *
 * Flags: --quick (fewer passes, for a try), --out=<file> (write elsewhere than bench/RESULTS.md).
 * POSTMOCK_BENCH_CORE=/path/to/index.mjs benches another build of core (to compare a change);
 * POSTMOCK_BENCH_VITEST=/path/to/packages/vitest runs the Vitest projects on another build of the adapters
 * (a package directory with dist/ and a node_modules that resolves @postmock/adapter-node).
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { measureBundle } from './lib/bundle.mjs'
import { generateCollection } from './lib/generate.mjs'
import { compare, median, startClock, timeSync } from './lib/measure.mjs'
import { loadEsbuild, loadModules, ROOT } from './lib/modules.mjs'
import { measurePerRequest, perRequestCases } from './lib/per-request.mjs'
import { prepareProjects } from './lib/projects.mjs'
import { report } from './lib/report.mjs'
import { sampleRequests, toRequest, withBaselines } from './lib/requests.mjs'
import { measureSuites, writeSuites } from './lib/suite.mjs'

const QUICK = process.argv.includes('--quick')
const SAMPLES = 100
// msw 3 intercepts fetch at the socket level (a TLS handshake is emulated per request: milliseconds),
// so the fetch path gets fewer requests per pass to keep the whole bench within a few minutes.
const DIRECT = { perPass: 100, rounds: QUICK ? 7 : 25, warmup: QUICK ? 2 : 5 }
const FETCH = { perPass: 20, rounds: QUICK ? 7 : 21, warmup: QUICK ? 2 : 3 }
// Per request in Vitest vs serve: blocks of `perBlock` requests per side, the first `warmupBlocks` untimed.
const PER_REQUEST = { perBlock: 100, blocks: QUICK ? 3 : 20, warmupBlocks: QUICK ? 1 : 3 }
// The 20-file suites: `warmup` untimed runs of each, then `rounds` timed runs of each, alternating.
const SUITE = { warmup: 1, rounds: QUICK ? 2 : 7 }
const KINDS = {
  plain: 'saved path',
  query: 'saved path + query',
  'other-id': 'another numeric ID',
  wildcard: '`{{var}}` segments',
}
const OUT = process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? join(ROOT, 'bench/RESULTS.md')
const TARGET = { ratio: 1.15, loadMs: 50, gzipBytes: 20 * 1024, perRequest: 0.7, suite: 1.1 }

const started = performance.now()
const { core, msw, mswNode, mswVersion } = await loadModules()
const { createPostmanMock } = core
const { getResponse } = msw
const noop = () => undefined
const log = (line) => process.stdout.write(`${line}\n`)

const machine = {
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  memoryGb: Math.round(totalmem() / 2 ** 30),
  loadBefore: loadavg()
    .map((n) => n.toFixed(2))
    .join(' '),
  msw: mswVersion,
}
log(
  `postmock bench — Node ${machine.node}, ${machine.cores} cores (${machine.cpu}), msw ${machine.msw}, load ${machine.loadBefore}`,
)

// Issue #8's figures first, while this process has no msw interceptor installed (the serve side's
// `fetch` must reach the real socket).
const linked = prepareProjects()
machine.vitest = linked.vitest
machine.adapters = linked.adapters
machine.undici = linked.undici
const perRequest = await measurePerRequest(
  await perRequestCases(core),
  { ...PER_REQUEST, undici: linked.undici !== undefined },
  log,
)
const suites = await writeSuites(core)
const suite = { ...(await measureSuites(suites, SUITE, log)), suites }

const collections = [
  { name: 'generated', size: 10 },
  { name: 'generated', size: 1000 },
  { name: 'generated', size: 10000 },
  { name: 'box-platform', file: 'test/fixtures/collections/box-platform.postman_collection.json' },
].map((c) => {
  const text = c.file ? readFileSync(join(ROOT, c.file), 'utf8') : JSON.stringify(generateCollection(c.size))
  return { ...c, text, label: c.file ? c.name : `generated ${c.size.toLocaleString('en')}` }
})

/** Load times: createPostmanMock on parsed JSON and on JSON text. */
function measureLoad(collection) {
  const big = collection.text.length > 2_000_000
  const opts = { runs: big ? 7 : 15, warmup: big ? 1 : 3 }
  const parse = timeSync(() => JSON.parse(collection.text), opts)
  const parsed = timeSync((json) => createPostmanMock(json, { onWarning: noop }), {
    ...opts,
    prepare: () => JSON.parse(collection.text),
  })
  const fromText = timeSync(() => createPostmanMock(collection.text, { onWarning: noop }), opts)
  return { parse, parsed, fromText, runs: opts.runs }
}

async function viaGetResponse(handlersOf, samples, check, perKind) {
  const total = { wall: 0, cpu: 0 }
  for (let i = 0; i < DIRECT.perPass; i++) {
    const sample = samples[i % samples.length]
    const handlers = handlersOf(sample)
    const request = toRequest(sample)
    const stop = startClock()
    const response = await getResponse(handlers, request)
    await response.text()
    const time = stop()
    total.wall += time.wall
    total.cpu += time.cpu
    perKind?.[sample.kind].push(time.cpu)
    if (check && response.status !== sample.status)
      throw new Error(`status ${response.status} for ${sample.url}`)
  }
  return total
}

const server = mswNode.setupServer()
server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' })

async function viaFetch(handlersOf, samples, check) {
  const total = { wall: 0, cpu: 0 }
  for (let i = 0; i < FETCH.perPass; i++) {
    const sample = samples[i % samples.length]
    server.resetHandlers(...handlersOf(sample))
    const stop = startClock()
    const response = await fetch(sample.url, {
      method: sample.method,
      headers: sample.headers,
      body: sample.body,
    })
    await response.text()
    const time = stop()
    total.wall += time.wall
    total.cpu += time.cpu
    if (check && response.status !== sample.status)
      throw new Error(`status ${response.status} for ${sample.url}`)
  }
  return total
}

/** Warms the JIT up on both paths and both sides once, so the first collection measured is not penalised. */
async function warmUp() {
  const mock = createPostmanMock(JSON.parse(collections[1].text), { onWarning: noop })
  const samples = await withBaselines(mock, sampleRequests(mock.examples, SAMPLES), msw)
  for (let i = 0; i < 5; i++) {
    await viaGetResponse((s) => s.baseline, samples, false)
    await viaGetResponse(() => mock.handlers, samples, false)
  }
  for (let i = 0; i < 3; i++) {
    await viaFetch((s) => s.baseline, samples, false)
    await viaFetch(() => mock.handlers, samples, false)
  }
}
await warmUp()

const results = []
for (const collection of collections) {
  const load = measureLoad(collection)
  const mock = createPostmanMock(JSON.parse(collection.text), { onWarning: noop })
  const samples = await withBaselines(mock, sampleRequests(mock.examples, SAMPLES), msw)
  const found = samples.filter((s) => s.matched).length
  const bare = (s) => s.baseline
  const postmock = () => mock.handlers
  const perKind = Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, []]))
  let passes = 0 // the first DIRECT.warmup passes are warm-up: not recorded per kind
  const direct = await compare(
    () => viaGetResponse(bare, samples, true),
    () => viaGetResponse(postmock, samples, true, ++passes > DIRECT.warmup ? perKind : undefined),
    DIRECT,
  )
  const fetched = await compare(
    () => viaFetch(bare, samples, true),
    () => viaFetch(postmock, samples, true),
    FETCH,
  )
  const kinds = Object.fromEntries(
    Object.entries(perKind).map(([kind, times]) => [
      kind,
      {
        count: samples.filter((s) => s.kind === kind).length,
        us: times.length ? median(times) * 1000 : undefined,
      },
    ]),
  )
  mock.reset()
  const result = {
    collection,
    examples: mock.examples.length,
    samples: samples.length,
    found,
    load,
    direct,
    fetched,
    kinds,
  }
  results.push(result)
  log(
    `${collection.label.padEnd(18)} ${String(result.examples).padStart(6)} examples  load ${load.parsed.wall.toFixed(1)} ms (CPU ${load.parsed.cpu.toFixed(1)})` +
      `  getResponse ${direct.cpu.a.toFixed(1)} → ${direct.cpu.b.toFixed(1)} µs CPU (${direct.cpu.ratio.toFixed(2)}×)` +
      `  fetch ${fetched.cpu.a.toFixed(1)} → ${fetched.cpu.b.toFixed(1)} µs CPU (${fetched.cpu.ratio.toFixed(2)}×)`,
  )
}
server.close()

const esbuild = await loadEsbuild()
const bundle = esbuild ? await measureBundle(esbuild.esbuild) : undefined
if (bundle) {
  log(
    `core browser bundle: entry ${bundle.bytes} B minified, ${bundle.gzip} B gzip; lazy dynamic variables ${bundle.lazyGzip} B gzip`,
  )
}

const elapsed = (performance.now() - started) / 1000
machine.loadAfter = loadavg()
  .map((n) => n.toFixed(2))
  .join(' ')
writeFileSync(
  OUT,
  report({
    results,
    perRequest,
    suite,
    PER_REQUEST,
    SUITE,
    bundle,
    esbuildVersion: esbuild?.version,
    machine,
    elapsed,
    DIRECT,
    FETCH,
    KINDS,
    SAMPLES,
    TARGET,
  }),
)
log(`wrote ${OUT} in ${elapsed.toFixed(1)} s`)

// Issue #9's figures: `postmock serve` next to the peer under load, in a process of its own (bench/serve.mjs),
// which adds its section at the end of OUT.
const serveBench = spawnSync(
  process.execPath,
  [join(ROOT, 'bench/serve.mjs'), `--out=${OUT}`, ...(QUICK ? ['--quick'] : [])],
  { stdio: 'inherit' },
)
if (serveBench.status !== 0) process.exitCode = serveBench.status ?? 1
