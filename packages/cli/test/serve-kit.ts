import { readFileSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { TEST_API_PATH, TEST_ENV_PATH } from './fake-postman-api.js'

export const COLLECTION = fileURLToPath(TEST_API_PATH)
export const ENVIRONMENT = fileURLToPath(TEST_ENV_PATH)

/** A `/proc` reading of a process: resident set (VmRSS) and its peak so far (VmHWM), in MiB. */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 }
}

/** CPU time (user + system) a process has used, in ms (10 ms ticks). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** One example of a one-request v2.1 collection. */
export interface ExampleSpec {
  name: string
  code: number
  headers?: Array<{ key: string; value: string }>
  body: string
}

/** Writes a collection with one GET request per entry (`path` → examples) to a fresh folder; returns its path. */
export async function writeCollection(
  name: string,
  requests: Array<{ name: string; path: string; examples: ExampleSpec[] }>,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'postmock-serve-'))
  const url = (path: string) => ({
    raw: `https://example.com/${path}`,
    host: ['example', 'com'],
    path: [path],
  })
  const collection = {
    info: { name, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: requests.map((request) => ({
      name: request.name,
      request: { method: 'GET', url: url(request.path) },
      response: request.examples.map((example) => ({
        name: example.name,
        code: example.code,
        status: example.code === 200 ? 'OK' : undefined,
        header: example.headers ?? [],
        body: example.body,
        originalRequest: { method: 'GET', url: url(request.path) },
      })),
    })),
  }
  const file = join(dir, 'collection.postman_collection.json')
  await writeFile(file, JSON.stringify(collection))
  return file
}

/** A raw connection to 127.0.0.1 that records what arrives and when it closes. */
export interface RawConnection {
  socket: Socket
  received(): string
  /** Resolves with the ms from `since` (default: the connection's start) to the close. */
  closed: Promise<number>
}

/** Opens a TCP connection and optionally writes `text` to it. */
export function openConnection(port: number, text?: string): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const socket = connect(port, '127.0.0.1')
    let data = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      data += chunk
    })
    const closed = new Promise<number>((resolveClose) => {
      socket.on('close', () => resolveClose(performance.now() - started))
    })
    socket.on('error', () => undefined)
    socket.once('connect', () => {
      if (text !== undefined) socket.write(text)
      resolve({ socket, received: () => data, closed })
    })
    socket.once('error', reject)
  })
}

/** Waits until `check()` holds, polling every 20 ms, or throws after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** The median of some numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
