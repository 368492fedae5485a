/**
 * Timing helpers: medians, and an interleaved A/B comparison (A B, B A, A B, … in one process) so
 * machine noise (other processes on shared cores, GC, CPU frequency) hits both sides alike.
 */
import v8 from 'node:v8'
import vm from 'node:vm'

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** The `q` quantile (0–1) of `values`, nearest rank: the smallest value with at least q of them at or below it. */
export function percentile(values, q) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]
}

/** A clock for one operation: wall time and this process's CPU time (all threads), in ms. */
export function startClock() {
  const cpu = process.cpuUsage()
  const wall = performance.now()
  return () => {
    const used = process.cpuUsage(cpu)
    return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 }
  }
}

function summary(as, bs, perPass) {
  const us = (ms) => (ms * 1000) / perPass
  const a = us(median(as))
  const b = us(median(bs))
  return { a, b, ratio: b / a, pairedRatio: median(as.map((ms, i) => bs[i] / ms)) }
}

/**
 * Runs `a` and `b` (each an async function returning `{ wall, cpu }`, the total ms of one pass of
 * `perPass` requests) `warmup` times untimed, then `rounds` times alternating which goes first.
 * Returns, for wall and CPU time, the medians (µs per request), the ratio of the medians and the
 * median of the per-round ratios.
 */
export async function compare(a, b, { rounds, warmup, perPass }) {
  for (let i = 0; i < warmup; i++) {
    await a()
    await b()
  }
  const as = []
  const bs = []
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      as.push(await a())
      bs.push(await b())
    } else {
      bs.push(await b())
      as.push(await a())
    }
  }
  return {
    wall: summary(
      as.map((t) => t.wall),
      bs.map((t) => t.wall),
      perPass,
    ),
    cpu: summary(
      as.map((t) => t.cpu),
      bs.map((t) => t.cpu),
      perPass,
    ),
  }
}

/**
 * Median wall and CPU ms of `runs` calls of `fn` after `warmup` untimed ones; `prepare` runs untimed
 * before each call and its result is passed to `fn`.
 */
/** A full garbage collection, through V8's own `gc` (exposed for this process only). */
function collectGarbage() {
  if (!gcFunction) {
    v8.setFlagsFromString('--expose-gc')
    gcFunction = vm.runInNewContext('gc')
  }
  gcFunction()
}
let gcFunction

export function timeSync(fn, { runs, warmup, prepare = () => undefined }) {
  for (let i = 0; i < warmup; i++) fn(prepare())
  const walls = []
  const cpus = []
  for (let i = 0; i < runs; i++) {
    const input = prepare()
    // Start each run from a collected heap: the garbage of the previous runs (a parsed 8 MB collection and
    // its mock each time) is not the cost of this load.
    collectGarbage()
    const stop = startClock()
    fn(input)
    const time = stop()
    walls.push(time.wall)
    cpus.push(time.cpu)
  }
  return { wall: median(walls), cpu: median(cpus), min: Math.min(...walls), max: Math.max(...walls) }
}
