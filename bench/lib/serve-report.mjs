/** The serve bench's section of bench/RESULTS.md (bench/serve.mjs writes it after bench/run.mjs's report). */

/** Where the section starts: bench/serve.mjs replaces everything from here to the end of the file. */
export const SECTION_MARKER = '<!-- serve bench: written by bench/serve.mjs -->'

const x = (ratio) => `${ratio.toFixed(2)}×`
const verdict = (ok) => (ok ? '✅ met' : '❌ missed')
const n = (value) => Math.round(value).toLocaleString('en')
const mib = (value) => `${value.toFixed(1)} MiB`

function throughputTable(results) {
  const lines = [
    '| collection | connections | peer req/s | serve req/s | **serve / peer** | per-round ratios | peer CPU µs per request | serve CPU µs per request | peer p50 / p99 ms | serve p50 / p99 ms |',
    '|---|---:|---:|---:|---:|---|---:|---:|---:|---:|',
  ]
  for (const r of results) {
    for (const row of r.rows) {
      lines.push(
        `| ${r.name} | ${row.connections} | ${n(row.peer.rps)} | ${n(row.serve.rps)} | **${x(row.ratio)}** | ${row.rounds.map(x).join(', ')} | ${row.peer.cpuUs.toFixed(0)} | ${row.serve.cpuUs.toFixed(0)} | ${row.peer.p50} / ${row.peer.p99} | ${row.serve.p50} / ${row.serve.p99} |`,
      )
    }
  }
  return lines.join('\n')
}

function requestList(results) {
  return results
    .map((r) => {
      const shown = r.requests.slice(0, 6).map(
        (q) =>
          `\`${q.method} ${q.path.length > 60 ? `${q.path.slice(0, 60)}…` : q.path}${Object.keys(q.headers)
            .filter((h) => h.startsWith('x-mock'))
            .map((h) => ` ${h}: ${q.headers[h]}`)
            .join('')}\` → ${q.status}`,
      )
      return `- ${r.name}: ${r.requests.length} distinct requests, cycled: ${shown.join(', ')}${r.requests.length > 6 ? ', …' : ''}`
    })
    .join('\n')
}

export function serveSection({ results, soaked, bodies, SETTINGS, TARGET, machine, elapsed }) {
  const targets = []
  for (const r of results) {
    for (const row of r.rows.filter((row) => TARGET.ratioAt.includes(row.connections))) {
      targets.push(
        `| throughput ≥ ${TARGET.ratio}× the peer's, ${r.name}, ${row.connections} connections | ${x(row.ratio)} (peer CPU per request / serve's: ${x(row.peer.cpuUs / row.serve.cpuUs)}) | ${verdict(row.ratio >= TARGET.ratio)} |`,
      )
    }
  }
  const flat = soaked.last.rps / soaked.first.rps
  const cpuGrowth = soaked.last.cpuUs / soaked.first.cpuUs
  const growth = soaked.memory.end - soaked.memory.afterWarmup
  const { soak } = SETTINGS
  targets.push(
    `| soak: the last ${n(soak.window)} requests ≥ ${TARGET.soakRatio}× the throughput of the first ${n(soak.window)} | ${x(flat)} | ${verdict(flat >= TARGET.soakRatio)} |`,
    `| soak: CPU per request of the last ${n(soak.window)} ≤ 1 / ${TARGET.soakRatio} × the first's (the same target on the clock other work moves least) | ${x(cpuGrowth)} | ${verdict(cpuGrowth <= 1 / TARGET.soakRatio)} |`,
    `| soak: RSS growth ≤ ${TARGET.rssGrowthMiB} MiB over ${n(soak.total)} requests (after ${n(soak.warmup)} of warm-up) | ${mib(growth)} | ${verdict(growth <= TARGET.rssGrowthMiB)} |`,
  )
  const bodyGrowth = bodies.after.peak - bodies.before.peak
  const load = (values) => values.map((v) => v.toFixed(2)).join(' ')
  return `${SECTION_MARKER}

## \`postmock serve\` next to the peer (issue #9)

Written by \`node bench/serve.mjs\` (run by \`pnpm bench\` after the sections above) in ${elapsed.toFixed(0)} s, on
${machine.node}, ${machine.cpu}, ${machine.cores} cores, load average before ${load(machine.loadBefore)}, after
${load(machine.loadAfter)}. The peer is [\`@jordanwalsh23/postman-local-mock-server\`](https://github.com/jordanwalsh23/postman-local-mock-server)
0.2.6; the load comes from autocannon 8 in the bench process.

### Targets

| target | measured | |
|---|---:|---|
${targets.join('\n')}

### Throughput

${throughputTable(results)}

Each line: ${SETTINGS.rounds} rounds of ${SETTINGS.seconds} s per server, alternating which server goes first,
after ${SETTINGS.warmupSeconds} s of warm-up each at 10 connections; the table shows the median round (requests per
second over the round, latency percentiles from autocannon) and the ratio of the medians. CPU µs per request is
the server process's CPU time (user + system, /proc, 10 ms ticks) over the round divided by its requests: on a
machine shared with other work, the clock that moves least. Both servers run on this Node, each in its own
process bound to 127.0.0.1, their output (a line per request from each) going to a file; errors and timeouts
over all rounds: ${results.map((r) => `${r.name} ${r.rows.reduce((sum, row) => sum + row.errors, 0)}`).join(', ')}.

The same requests go to both servers: those both answer from an example with the same status (the peer
resolves no \`{{variables}}\` and fails on a saved query parameter without a value):

${requestList(results)}

testAPI is served with its environment; box-platform is served with an environment that sets \`baseUrl\`
to \`https://api.box.com\` (postmock puts the collection's \`{{baseUrl}}\`, \`https://api.box.com/2.0\`, into
the path; the peer leaves it out), so both answer the collection's saved paths.

### Soak

\`postmock serve\` alone on testAPI, ${soak.connections} connections: ${n(soak.warmup)} requests of warm-up, then
${n(soak.total)} requests, timed per ${n(soak.window)}.

| | |
|---|---:|
| throughput per ${n(soak.window)} requests (req/s) | ${soaked.windows.map((w) => n(w.rps)).join(', ')} |
| last / first | **${x(flat)}** |
| server CPU µs per request, per ${n(soak.window)} | ${soaked.windows.map((w) => w.cpuUs.toFixed(0)).join(', ')} |
| last / first | **${x(cpuGrowth)}** |
| RSS idle → after warm-up → end (peak) | ${mib(soaked.memory.idle)} → ${mib(soaked.memory.afterWarmup)} → ${mib(soaked.memory.end)} (${mib(soaked.memory.peak)}) |
| RSS growth over the ${n(soak.total)} requests | **${mib(growth)}** |
| errors and timeouts | ${soaked.errors} |

\`serve\` keeps no call log (core's \`callLog: 0\`; each call reaches the log line through \`onCall\`), so nothing
grows with the calls. What RSS gains from idle to the end of the warm-up is mostly V8's young generation, which
V8 enlarges (up to 128 MiB on this Node) while requests keep allocating, then holds: the warm-up is long enough
for that, so the growth measured over the soak is what the server gains with uptime.
\`NODE_OPTIONS=--max-semi-space-size=16\` keeps the young generation smaller.

### Request bodies over \`--max-body\`

${bodies.statuses.length} uploads of ${SETTINGS.bodies.megabytes} MB at once (${SETTINGS.bodies.parallel} with a Content-Length, ${SETTINGS.bodies.parallel} chunked) against the default
10 MB limit: statuses ${[...new Set(bodies.statuses)].join(', ')}; peak RSS of the server ${mib(bodies.before.peak)} before,
${mib(bodies.after.peak)} after (**+${mib(bodyGrowth)}**). Before the limit, five such uploads took the server to 763 MiB.
`
}
