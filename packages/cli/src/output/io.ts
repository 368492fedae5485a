/** Where a command writes, and what it knows about its terminal. Tests and the bin pass the real streams. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  env: NodeJS.ProcessEnv
  cwd: string
}

/** The process's own streams, environment and working directory. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }
}

/** Writes one line to stdout. */
export function out(io: CliIo, line: string): void {
  io.stdout.write(`${line}\n`)
}

/** Writes one line to stderr. */
export function err(io: CliIo, line: string): void {
  io.stderr.write(`${line}\n`)
}

/** `1 request`, `2 requests`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
