/**
 * The two servers the serve bench compares, each in its own process on the same Node (this one):
 * `postmock serve` (the CLI's build) and the peer (lib/peer-server.cjs). Their output (a line per
 * request from each) goes to a file, alike. Each process's CPU time and resident memory are read from /proc.
 */
import { spawn } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from './modules.mjs'
import { CLI_BIN } from './projects.mjs'

const PEER = join(ROOT, 'bench/lib/peer-server.cjs')

/** CPU ms used so far by a process (all its threads), from /proc/<pid>/stat (10 ms ticks). */
export function processCpu(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** Resident memory of a process and its peak so far, in MiB (/proc/<pid>/status VmRSS, VmHWM). */
export function processMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1])
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

/** Spawns a server, its output (one line per request) in a file, and waits for the line that names its port. */
async function startProcess(name, args, pattern, env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'postmock-serve-bench-'))
  const log = join(dir, 'output.log')
  const fd = openSync(log, 'w')
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NO_COLOR: '1', POSTMAN_API_KEY: '', ...env },
    stdio: ['ignore', fd, fd],
  })
  closeSync(fd)
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)))
  const until = performance.now() + 20_000
  for (;;) {
    const match = pattern.exec(readFileSync(log, 'utf8'))
    if (match) {
      return {
        name,
        pid: child.pid,
        origin: `http://127.0.0.1:${match[1]}`,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM')
          const code = await exited
          rmSync(dir, { recursive: true, force: true })
          return code
        },
      }
    }
    if (child.exitCode !== null || performance.now() > until) {
      const output = readFileSync(log, 'utf8')
      child.kill('SIGKILL')
      throw new Error(
        `[postmock] Failed to start ${name} for the serve bench: no start line within 20 s.\n${output}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** `postmock serve <args> --port 0`. `env` adds to its environment (NODE_OPTIONS, say). */
export function startServe(args, env) {
  return startProcess(
    'postmock serve',
    [CLI_BIN, 'serve', ...args, '--port', '0'],
    /Serving on http:\/\/127\.0\.0\.1:(\d+)/,
    env,
  )
}

/** The peer on a free port. */
export async function startPeer(collection) {
  return startProcess('the peer', [PEER, collection, String(await freePort())], /listening on (\d+)/)
}
