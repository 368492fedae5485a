/**
 * Profiling aid (not part of `pnpm bench`). Usage:
 *   node_modules/.bin/node [--cpu-prof --cpu-prof-dir=/tmp/prof] bench/profile.mjs <mode> [collection] [seconds]
 * collection: a number of generated examples (default 10000) or `box` (box-platform).
 * modes:
 *   respond  sends the sampled requests through getResponse(mock.handlers) in a loop (for --cpu-prof)
 *   load     calls createPostmanMock on parsed JSON in a loop (for --cpu-prof)
 *   slowest  lists the sampled requests by time per request, slowest first, with the winning example
 * POSTMOCK_BENCH_CORE=/path/to/dist/index.mjs profiles another build of core.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { generateCollection } from './lib/generate.mjs'
import { loadModules, ROOT } from './lib/modules.mjs'
import { sampleRequests, toRequest } from './lib/requests.mjs'

const [mode = 'respond', which = '10000', secondsArg = '5'] = process.argv.slice(2)
const seconds = Number(secondsArg)
const { core, msw } = await loadModules()
const text =
  which === 'box'
    ? readFileSync(join(ROOT, 'test/fixtures/collections/box-platform.postman_collection.json'), 'utf8')
    : JSON.stringify(generateCollection(Number(which)))
const noop = () => undefined
const out = (line) => process.stdout.write(`${line}\n`)
const stop = performance.now() + seconds * 1000

if (mode === 'load') {
  let runs = 0
  while (performance.now() < stop) {
    core.createPostmanMock(JSON.parse(text), { onWarning: noop })
    runs++
  }
  out(`${runs} loads of ${which} examples`)
} else if (mode === 'respond') {
  const mock = core.createPostmanMock(JSON.parse(text), { onWarning: noop })
  const samples = sampleRequests(mock.examples, 100)
  let count = 0
  const start = performance.now()
  while (performance.now() < stop) {
    for (const sample of samples) {
      const response = await msw.getResponse(mock.handlers, toRequest(sample))
      await response.text()
      count++
    }
    mock.reset()
  }
  out(`${count} requests, ${(((performance.now() - start) * 1000) / count).toFixed(1)} µs each`)
} else if (mode === 'slowest') {
  const mock = core.createPostmanMock(JSON.parse(text), { onWarning: noop })
  const samples = sampleRequests(mock.examples, 100)
  for (let warm = 0; warm < 3; warm++) for (const sample of samples) await mock.respond(toRequest(sample))
  const rows = []
  for (const sample of samples) {
    const requests = Array.from({ length: 10 }, () => toRequest(sample))
    const start = performance.now()
    for (const request of requests) await mock.respond(request)
    const us = ((performance.now() - start) * 1000) / requests.length
    const call = mock.calls().at(-1)
    rows.push({ us, sample, call })
  }
  rows.sort((a, b) => b.us - a.us)
  for (const { us, sample, call } of rows.slice(0, 20)) {
    out(
      `${us.toFixed(0).padStart(7)} µs  ${sample.kind.padEnd(8)} ${sample.method} ${sample.url.slice(0, 90)} → ${call.status} ${call.example?.name.split('\n')[0] ?? ''}`,
    )
  }
  const times = rows.map((r) => r.us).sort((a, b) => a - b)
  out(
    `median ${times[times.length >> 1].toFixed(0)} µs, mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(0)} µs`,
  )
} else {
  out(`unknown mode ${mode}: respond, load or slowest`)
  process.exitCode = 1
}
