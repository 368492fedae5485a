/**
 * Issue #9's figures: `postmock serve` next to the peer, @jordanwalsh23/postman-local-mock-server
 * 0.2.6, with autocannon 8, in one run on this Node (`pnpm bench` runs it after bench/run.mjs; alone:
 * `node bench/serve.mjs [--quick] [--out=<file>]`). Needs the CLI's build (`pnpm run build`) and Linux
 * (/proc gives each server's CPU time and memory).
 *
 * - Throughput at 1, 10 and 100 connections on testAPI (the seed) and box-platform: the same requests
 *   to both servers (lib/serve-requests.mjs), in rounds that alternate which server goes first.
 * - A soak of `postmock serve` alone: 100,000 requests after 50,000 of warm-up (V8 sizes its young
 *   generation in those), throughput of the first and last 20,000, resident memory.
 * - Bodies over `--max-body`: parallel 50 MB uploads against the default 10 MB limit, peak memory.
 *
 * Writes its section at the end of bench/RESULTS.md (replacing the one an earlier run wrote).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { median } from './lib/measure.mjs'
import { ROOT } from './lib/modules.mjs'
import { loadRun, oversizedBodies, soak } from './lib/serve-load.mjs'
import { SECTION_MARKER, serveSection } from './lib/serve-report.mjs'
import { serveCases, sharedRequests } from './lib/serve-requests.mjs'
import { startPeer, startServe } from './lib/serve-servers.mjs'

const QUICK = process.argv.includes('--quick')
const OUT = process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? join(ROOT, 'bench/RESULTS.md')
const SETTINGS = {
  connections: [1, 10, 100],
  rounds: QUICK ? 1 : 4,
  seconds: 1.5,
  warmupSeconds: QUICK ? 1 : 2,
  soak: { connections: 10, warmup: 50_000, total: QUICK ? 60_000 : 100_000, window: 20_000 },
  bodies: { parallel: 5, megabytes: 50 },
}
const TARGET = { ratio: 1.5, ratioAt: [10, 100], soakRatio: 0.8, rssGrowthMiB: 30 }
const log = (line) => process.stdout.write(`${line}\n`)

if (process.platform !== 'linux') {
  log('[postmock] Skipped the serve bench: it reads CPU time and memory from /proc (Linux only).')
  process.exit(0)
}
if (!existsSync(join(ROOT, 'packages/cli/dist/bin.mjs'))) {
  throw new Error(
    '[postmock] Failed to run the serve bench: packages/cli/dist is missing. Run pnpm run build.',
  )
}

const started = performance.now()
const loadBefore = loadavg()
const dir = mkdtempSync(join(tmpdir(), 'postmock-serve-bench-'))
const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism() }
log(`serve bench — postmock serve next to the peer, autocannon, Node ${machine.node}, ${machine.cores} cores`)

const results = []
try {
  for (const c of serveCases(dir)) {
    const serve = await startServe(c.serveArgs)
    const peer = await startPeer(c.collection)
    try {
      const requests = await sharedRequests(c.candidates, serve, peer)
      for (const server of [serve, peer])
        await loadRun(server, requests, { connections: 10, seconds: SETTINGS.warmupSeconds })
      const rows = []
      for (const connections of SETTINGS.connections) {
        const runs = { serve: [], peer: [] }
        for (let round = 0; round < SETTINGS.rounds; round++) {
          const order = round % 2 === 0 ? [serve, peer] : [peer, serve]
          for (const server of order) {
            const side = server === serve ? 'serve' : 'peer'
            runs[side].push(await loadRun(server, requests, { connections, seconds: SETTINGS.seconds }))
          }
        }
        const pick = (side, key) => median(runs[side].map((r) => r[key]))
        const row = {
          connections,
          serve: {
            rps: pick('serve', 'rps'),
            cpuUs: pick('serve', 'cpuUs'),
            p50: pick('serve', 'p50'),
            p99: pick('serve', 'p99'),
          },
          peer: {
            rps: pick('peer', 'rps'),
            cpuUs: pick('peer', 'cpuUs'),
            p50: pick('peer', 'p50'),
            p99: pick('peer', 'p99'),
          },
          rounds: runs.serve.map((r, i) => r.rps / runs.peer[i].rps),
          errors: [...runs.serve, ...runs.peer].reduce((sum, r) => sum + r.errors, 0),
        }
        row.ratio = row.serve.rps / row.peer.rps
        rows.push(row)
        log(
          `${c.name.padEnd(15)} ${String(connections).padStart(3)} connections: serve ${row.serve.rps.toFixed(0)} req/s, peer ${row.peer.rps.toFixed(0)} req/s → ${row.ratio.toFixed(2)}×`,
        )
      }
      results.push({ name: c.name, requests, rows })
    } finally {
      await serve.stop()
      await peer.stop()
    }
  }

  const seed = results[0]
  const soakServer = await startServe(serveCases(dir)[0].serveArgs)
  const soaked = await soak(soakServer, seed.requests, SETTINGS.soak).finally(() => soakServer.stop())
  log(
    `soak: ${SETTINGS.soak.total.toLocaleString('en')} requests, last/first ${SETTINGS.soak.window.toLocaleString('en')}: ${(soaked.last.rps / soaked.first.rps).toFixed(2)}× throughput, ${(soaked.last.cpuUs / soaked.first.cpuUs).toFixed(2)}× CPU per request, RSS ${soaked.memory.afterWarmup.toFixed(0)} → ${soaked.memory.end.toFixed(0)} MiB`,
  )

  const bodyServer = await startServe(serveCases(dir)[0].serveArgs)
  const bodies = await oversizedBodies(bodyServer, SETTINGS.bodies).finally(() => bodyServer.stop())
  log(
    `bodies over --max-body: ${bodies.statuses.join(' ')}; peak RSS ${bodies.before.peak.toFixed(0)} → ${bodies.after.peak.toFixed(0)} MiB`,
  )

  const elapsed = (performance.now() - started) / 1000
  const section = serveSection({
    results,
    soaked,
    bodies,
    SETTINGS,
    TARGET,
    machine: { ...machine, loadBefore, loadAfter: loadavg() },
    elapsed,
  })
  const previous = existsSync(OUT) ? readFileSync(OUT, 'utf8') : ''
  const at = previous.indexOf(SECTION_MARKER)
  const kept = (at >= 0 ? previous.slice(0, at) : previous).replace(/\n*$/, previous ? '\n\n' : '')
  writeFileSync(OUT, `${kept}${section}`)
  log(`wrote the serve section of ${OUT} in ${elapsed.toFixed(1)} s`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
