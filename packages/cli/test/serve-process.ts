import { type ChildProcess, spawn } from 'node:child_process'
import { connect } from 'node:net'
import { BIN } from './run-cli.js'

/** A running `postmock serve` process. */
export interface ServeProcess {
  child: ChildProcess
  port: number
  origin: string
  stdout(): string
  stderr(): string
  /** Sends a signal and resolves with the exit code, once everything the process wrote has been read. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Starts `postmock serve …` on a free port (`--port 0`) and waits for its "Serving on" line. */
export function startServe(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<ServeProcess> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    POSTMAN_API_KEY: undefined,
    ...options.env,
  }
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key]
  const child = spawn(process.execPath, [BIN, 'serve', ...args, '--port', '0'], {
    cwd: options.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  // 'close', not 'exit': the last lines the process wrote (its shutdown log) are read by then
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${stdout}\n${stderr}`)), 15_000)
    child.stderr!.on('data', (chunk) => (stderr += chunk))
    child.stdout!.on('data', (chunk) => {
      stdout += chunk
      const match = /Serving on http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)
      if (match && timer) {
        clearTimeout(timer)
        const port = Number(match[1])
        resolve({
          child,
          port,
          origin: `http://127.0.0.1:${port}`,
          stdout: () => stdout,
          stderr: () => stderr,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal)
            return exited
          },
        })
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited with ${code} before it started:\n${stdout}\n${stderr}`))
    })
  })
}

/** What a raw HTTP/1.1 exchange returned. */
export interface RawResponse {
  status: number
  statusText: string
  headers: Record<string, string>
  body: string
}

/** Sends a hand-written HTTP/1.1 request over a TCP socket, as curl would, and reads the answer. */
export function rawRequest(port: number, head: string[], body = ''): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const lines = [...head, 'Connection: close']
    if (body) lines.push(`Content-Length: ${Buffer.byteLength(body)}`)
    socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`)
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const split = text.indexOf('\r\n\r\n')
      const [statusLine, ...headerLines] = text.slice(0, split).split('\r\n')
      const match = /^HTTP\/1\.1 (\d{3}) ?(.*)$/.exec(statusLine ?? '')
      if (!match) return reject(new Error(`not an HTTP answer: ${text}`))
      const headers: Record<string, string> = {}
      for (const line of headerLines) {
        const colon = line.indexOf(':')
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
      }
      resolve({ status: Number(match[1]), statusText: match[2] ?? '', headers, body: text.slice(split + 4) })
    })
  })
}

/** Whether something accepts connections on this port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.on('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.on('error', () => resolve(false))
  })
}

/** Waits until the process's stdout matches (log lines follow the answer by a moment). */
export async function waitForLog(server: ServeProcess, pattern: RegExp, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!pattern.test(server.stdout())) {
    if (Date.now() > until) throw new Error(`no log line matching ${pattern} in:\n${server.stdout()}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
