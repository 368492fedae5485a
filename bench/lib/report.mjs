/** Writes bench/RESULTS.md from the measurements of bench/run.mjs. */
import { SUITE_COLLECTION, SUITE_FILES } from './suite.mjs'

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const verdict = (ok) => (ok ? '✅ met' : '❌ missed')
const x = (ratio) => `${ratio.toFixed(2)}×`
const us = (value) => value.toFixed(1)

const ms = (value) => value.toFixed(3)
const PATHS = [
  ['fetch', '(a) global `fetch`, through the adapters (Vitest)'],
  ['serve', '(b) `fetch` to `postmock serve` on 127.0.0.1'],
  ['respond', "(c) core's `respond()` alone"],
  ['undici', "(d) undici's `request()`, through the adapters (Vitest)"],
]

function perRequestTables(perRequest) {
  const lines = ['| collection | path | p50 ms | p90 ms | CPU µs per request |', '|---|---|---:|---:|---:|']
  for (const r of perRequest) {
    for (const [key, label] of PATHS) {
      const side = r.sides[key]
      if (!side) {
        lines.push(`| ${r.name} | ${label} | not measured (undici is not installed) | | |`)
        continue
      }
      const cpu =
        side.serveCpuUs !== undefined
          ? `${us(side.cpuUs + side.serveCpuUs)} (client ${us(side.cpuUs)} + serve ${us(side.serveCpuUs)})`
          : us(side.cpuUs)
      lines.push(`| ${r.name} | ${label} | ${ms(side.p50)} | ${ms(side.p90)} | ${cpu} |`)
    }
  }
  const ratios = [
    '| collection | distinct requests | **(a)/(b) p50** | (a)/(b) p90 | (a)/(b) CPU | (a)/(c) p50 | (d)/(b) p50 | (d)/(b) p90 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const r of perRequest) {
    const { fetch: a, serve: b, respond: c, undici: d } = r.sides
    const bCpu = b.cpuUs + b.serveCpuUs
    ratios.push(
      `| ${r.name} | ${r.requests} | **${x(a.p50 / b.p50)}** | ${x(a.p90 / b.p90)} | ${x(a.cpuUs / bCpu)} | ${x(a.p50 / c.p50)} | ${d ? x(d.p50 / b.p50) : '–'} | ${d ? x(d.p90 / b.p90) : '–'} |`,
    )
  }
  return `${lines.join('\n')}\n\n${ratios.join('\n')}`
}

function suiteTable(suite, files) {
  const seconds = (value) => (value / 1000).toFixed(2)
  const row = (label, side) => {
    const runs = suite.runs[side]
    return `| ${label} | **${seconds(suite[side].cpu)}** | ${(suite[side].cpu / files).toFixed(0)} | ${seconds(suite[side].wall)} | ${runs.map((run) => seconds(run.cpu)).join(', ')} | ${runs.map((run) => seconds(run.wall)).join(', ')} |`
  }
  return [
    '| suite | CPU s (median) | CPU ms per file | wall s (median) | CPU s of each run | wall s of each run |',
    '|---|---:|---:|---:|---|---|',
    row('bare msw handler', 'msw'),
    row('`setupPostmanMocks()`', 'postmock'),
  ].join('\n')
}

function requestTable(results, pick) {
  const lines = [
    '| collection | examples | distinct requests (answered by an example) | bare msw CPU µs | postmock CPU µs | **CPU ratio** | per-round CPU ratio | bare wall µs | postmock wall µs | wall ratio |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const r of results) {
    const { cpu, wall } = pick(r)
    lines.push(
      `| ${r.collection.label} | ${r.examples.toLocaleString('en')} | ${r.samples} (${r.found}) | ${us(cpu.a)} | ${us(cpu.b)} | **${x(cpu.ratio)}** | ${x(cpu.pairedRatio)} | ${us(wall.a)} | ${us(wall.b)} | ${x(wall.ratio)} |`,
    )
  }
  return lines.join('\n')
}

function kindTable(results, KINDS) {
  const lines = [
    `| collection | ${Object.values(KINDS).join(' | ')} |`,
    `|---|${Object.keys(KINDS)
      .map(() => '---:')
      .join('|')}|`,
  ]
  for (const r of results) {
    const cells = Object.keys(KINDS).map((k) =>
      r.kinds[k].count ? `${us(r.kinds[k].us)} (${r.kinds[k].count})` : '–',
    )
    lines.push(`| ${r.collection.label} | ${cells.join(' | ')} |`)
  }
  return lines.join('\n')
}

function loadTable(results) {
  const lines = [
    '| collection | examples | JSON size | `createPostmanMock(parsed)` CPU ms | wall ms: median (min–max) | `createPostmanMock(text)` CPU / wall ms | `JSON.parse` alone CPU / wall ms | runs |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const r of results) {
    const { parsed, fromText, parse, runs } = r.load
    lines.push(
      `| ${r.collection.label} | ${r.examples.toLocaleString('en')} | ${kb(r.collection.text.length)} | **${parsed.cpu.toFixed(1)}** | ${parsed.wall.toFixed(1)} (${parsed.min.toFixed(1)}–${parsed.max.toFixed(1)}) | ${fromText.cpu.toFixed(1)} / ${fromText.wall.toFixed(1)} | ${parse.cpu.toFixed(1)} / ${parse.wall.toFixed(1)} | ${runs} |`,
    )
  }
  return lines.join('\n')
}

function bundleSection(bundle, esbuildVersion) {
  if (!bundle) return 'esbuild was not found in node_modules/.pnpm; the bundle size was not measured.'
  const chunks = bundle.chunks.map(
    (c) =>
      `| ${c.entry ? 'entry (core)' : c.faker ? 'lazy chunk (faker, dynamic import)' : 'shared chunk'} | ${c.name} | ${kb(c.bytes)} | ${kb(c.gzip)} |`,
  )
  return `esbuild ${esbuildVersion} bundles \`packages/core/dist/index.mjs\` with \`platform: 'browser'\`, \`minify\`, ESM,
code splitting, msw and @faker-js/faker external; gzip is node:zlib at level 9. The target is judged on the
entry chunk, what a page loads with core; the dynamic-variable generators are a separate chunk fetched
with the first answer that uses \`{{$guid}}\`, \`{{$randomInt}}\`….

| build | minified | minified + gzip |
|---|---:|---:|
| core entry chunk (msw and faker external) | ${kb(bundle.bytes)} | **${kb(bundle.gzip)}** |
| lazy chunk: dynamic-variable generators | ${kb(bundle.lazyBytes)} | ${kb(bundle.lazyGzip)} |

With faker bundled and code splitting on (msw still external), faker stays out of the entry chunk and is
only fetched when an answer uses a faker-backed dynamic variable (\`{{$randomFirstName}}\`…):

| chunk | file | minified | minified + gzip |
|---|---|---:|---:|
${chunks.join('\n')}`
}

export function report({
  results,
  perRequest,
  suite,
  PER_REQUEST,
  SUITE,
  bundle,
  esbuildVersion,
  machine,
  elapsed,
  DIRECT,
  FETCH,
  KINDS,
  SAMPLES,
  TARGET,
}) {
  const at10k = results.find((r) => r.collection.size === 10000)
  return `# postmock benchmark results

Generated by \`pnpm bench\` (\`node bench/run.mjs\`) on ${new Date().toISOString()} in ${elapsed.toFixed(0)} s.
Do not edit by hand: run \`pnpm bench\` again.

## Machine

| | |
|---|---|
| Node | ${machine.node} (${machine.platform}) |
| CPU | ${machine.cpu}, ${machine.cores} cores (shared with other processes) |
| memory | ${machine.memoryGb} GiB |
| load average (1/5/15 min) | before ${machine.loadBefore}, after ${machine.loadAfter} |
| msw | ${machine.msw} (the same copy core's handlers come from) |
| Vitest | ${machine.vitest} |
| adapters and CLI measured | ${machine.adapters} |
| undici | ${machine.undici ?? 'not installed (path (d) not measured)'} |

Times are measured twice: wall time, and CPU time (\`process.cpuUsage()\` of the process that sends the
requests, all threads; for the Vitest suites, the whole process tree). On a shared machine (a load average
above the core count means other processes wait for a core) wall time includes the time spent waiting
for a core; CPU time does not, so the targets are judged on CPU time, which is what an idle machine's wall
time would be. The exception is the time of one request through the adapters against \`postmock serve\`:
that is a latency, and the serve side's CPU time is split over two processes, so it is judged on the
median wall time of ${(PER_REQUEST.blocks * PER_REQUEST.perBlock).toLocaleString('en')} requests per path sent in lock-step with the other side (CPU is shown beside it).
Both clocks are in the tables.

## Targets

| target | measured | the other clock | |
|---|---:|---:|---|
${perRequest
  .map(
    (r) =>
      `| (a) one \`fetch\` through the adapters in Vitest, p50 ≤ ${TARGET.perRequest}× the same \`fetch\` to \`postmock serve\` (b), ${r.name} | ${x(r.sides.fetch.p50 / r.sides.serve.p50)} p50 wall | ${x(r.sides.fetch.cpuUs / (r.sides.serve.cpuUs + r.sides.serve.serveCpuUs))} CPU | ${verdict(r.sides.fetch.p50 / r.sides.serve.p50 <= TARGET.perRequest)} |`,
  )
  .join('\n')}
| 20-file Vitest suite with \`setupPostmanMocks()\` (${kb(suite.suites.bytes)} collection) ≤ ${TARGET.suite}× the same suite with a bare msw handler | ${x(suite.cpuRatio)} CPU | ${x(suite.wallRatio)} wall | ${verdict(suite.cpuRatio <= TARGET.suite)} |
| postmock ≤ ${TARGET.ratio}× a bare msw handler at 10,000 examples, \`setupServer\` + \`fetch\` | ${x(at10k.fetched.cpu.ratio)} CPU | ${x(at10k.fetched.wall.ratio)} wall | ${verdict(at10k.fetched.cpu.ratio <= TARGET.ratio)} |
| postmock ≤ ${TARGET.ratio}× a bare msw handler at 10,000 examples, \`getResponse\` | ${x(at10k.direct.cpu.ratio)} CPU | ${x(at10k.direct.wall.ratio)} wall | ${verdict(at10k.direct.cpu.ratio <= TARGET.ratio)} |
| load 10,000 examples (\`createPostmanMock\` on parsed JSON) < ${TARGET.loadMs} ms | ${at10k.load.parsed.cpu.toFixed(1)} ms CPU | ${at10k.load.parsed.wall.toFixed(1)} ms wall | ${verdict(at10k.load.parsed.cpu < TARGET.loadMs)} |
| core browser build (minified + gzip, without msw and faker) < ${kb(TARGET.gzipBytes)} | ${bundle ? kb(bundle.gzip) : 'not measured'} | | ${bundle ? verdict(bundle.gzip < TARGET.gzipBytes) : '–'} |

## Time per request in a Vitest run: the adapters against \`postmock serve\`

${perRequestTables(perRequest)}

How it is measured: the requests are built from each collection's examples as in the sections below
(\`bench/lib/requests.mjs\`: up to 100 distinct requests, every method, other numeric IDs, saved query
strings, JSON bodies); testAPI (the seed collection, with its environment) is called on its own origin,
\`https://api.example.com\`, passed in \`baseUrls\`, and has three distinct requests (\`GET /users/1\`,
another ID, and \`x-mock-response-code: 401\`); box-platform is called on \`https://bench.mock.pstmn.io\`.
The expected status of each request is core's answer, and every response of every path is checked
against it. Four paths send the same requests in the same order:

- (a) and (d): a real \`vitest run\` (Vitest ${machine.vitest}, node environment) of a generated test
  file (\`bench/.projects/per-request/requests.test.ts\`) that calls \`setupPostmanMocks(collection,
  { environment, baseUrls })\` from \`@postmock/vitest\` (the packages' builds, loaded by Node as an installed
  package would be) and, in one test, sends the requests with global \`fetch\` (a) and with undici's
  \`request()\` (d), each timed with \`performance.now()\` from the call to the end of reading the body;
  the samples go to a JSON file the bench reads.
- (b): the bench process sends the same requests with global \`fetch\` (keep-alive) to a \`postmock serve
  <collection> [--environment …]\` process it started on 127.0.0.1 (\`http://127.0.0.1:<port><path>\`).
- (c): the bench process calls \`mock.respond(request)\` of a \`createPostmanMock()\` with the same options
  (the \`Request\` built before the clock starts), and reads the body.

The test and the bench take turns through two named pipes: blocks of ${PER_REQUEST.perBlock} requests per path,
the test's paths (a, d) then the bench's (b, c) or the other way round, alternating block by block (and
the order inside each side too), so only one path runs at a time and all see the machine alike.
${PER_REQUEST.warmupBlocks} warm-up blocks, then ${PER_REQUEST.blocks} timed blocks: ${(PER_REQUEST.blocks * PER_REQUEST.perBlock).toLocaleString('en')} timed requests per path and collection.
p50 and p90 are over every timed request (nearest rank). CPU per request is the CPU time of the timed
blocks divided by their requests: the Vitest worker process for (a) and (d), the bench process for (c),
and for (b) the bench process (the client) plus the serve process (\`/proc/<pid>/stat\`, 10 ms ticks,
summed over the timed blocks).

## Cost per test file: a ${SUITE_FILES}-file Vitest suite, \`setupPostmanMocks()\` against a bare msw handler

${suiteTable(suite, SUITE_FILES)}

CPU ratio of the medians **${x(suite.cpuRatio)}** (median of the per-round ratios ${x(suite.pairedCpuRatio)}); wall ratio
${x(suite.wallRatio)}. postmock's CPU per test file over the bare handler: ${suite.perFileCpu.toFixed(0)} ms.

How it is measured: two generated projects (\`bench/.projects/suite-postmock\`, \`bench/.projects/suite-msw\`),
each ${SUITE_FILES} test files in the node environment with Vitest's defaults (isolated files, parallel
workers). Every file of the first calls \`setupPostmanMocks(<path of ${SUITE_COLLECTION}>)\` (${kb(suite.suites.bytes)},
${suite.suites.examples.toLocaleString('en')} examples) at its top; every file of the second does
\`setupServer(http.all('*', () => HttpResponse.json({ ok: true })))\` (msw ${machine.msw}) with \`listen()\` in
\`beforeAll\` and \`close()\` in \`afterAll\`. Both have the same 3 tests, each one \`fetch\` of a URL the
collection serves (checked: postmock's status, 200 from msw): ${suite.suites.requests.map((r) => `\`${r.method} ${r.url.replace('https://bench.mock.pstmn.io', '')}\``).join(', ')} on \`https://bench.mock.pstmn.io\`.
Each run is a whole \`vitest run\` under \`bash -c '…; times'\`: bash's \`times\` prints the user + system
CPU time of the processes it waited for, which counts Vitest and every worker Vitest waited for. ${SUITE.warmup}
untimed run of each suite, then ${SUITE.rounds} timed runs of each, alternating which suite goes first.

## Time per request: msw \`setupServer\` + global \`fetch\` (core's handlers in msw)

${requestTable(results, (r) => r.fetched)}

## Time per request: msw \`getResponse(handlers, request)\` (less noise: no interceptor, no fetch)

${requestTable(results, (r) => r.direct)}

postmock per kind of request through \`getResponse\` (median CPU µs of one request over all timed passes;
in parentheses, how many of the distinct requests are of that kind):

${kindTable(results, KINDS)}

How it is measured: up to ${SAMPLES} distinct requests are built from each collection's examples, spread
over the collection: every method, numeric IDs (half of the requests ask for another ID than the saved
one), \`{{var}}\` wildcard segments filled with numbers, the saved query strings, JSON bodies for
POST/PUT/PATCH. Each is first answered by postmock; its baseline is then a single
\`http.<method>(url, () => HttpResponse.json(sameBody, { status }))\` handler returning the same status and
body. A pass sends the requests in turn, cycling over the sample (${DIRECT.perPass} per pass through
\`getResponse\`, ${FETCH.perPass} through \`fetch\`), and times each from the call to the end of
\`response.text()\`; the handler list (the one bare handler, or \`mock.handlers\`) is set and the request
object built before the clock starts, for both sides alike. Warm-up passes (${DIRECT.warmup} / ${FETCH.warmup} per side),
then timed passes (${DIRECT.rounds} / ${FETCH.rounds} per side) interleaved A B, B A, … in one process. The
tables show the median pass (µs per request), the ratio of the two medians and the median of the
per-round ratios. postmock's whole pipeline (recording \`calls()\`, rendering, CORS headers) is included,
as users get it. Through \`fetch\`, msw 3 intercepts at the socket level and emulates a TLS connection
for every request, a cost both sides pay.

## Loading a collection

${loadTable(results)}

Generated collections (\`bench/lib/generate.mjs\`, seeded, so every run benches the same ones): folders
per resource, 1–4 examples per request (the success answer first, then 400/401/403/404/409/429/500
examples), list and search requests with query parameters, GET/POST/PUT/PATCH/DELETE, numeric IDs in
paths, \`{{var}}\` wildcard segments, JSON request and response bodies.

## Core's browser build

${bundleSection(bundle, esbuildVersion)}
`
}
