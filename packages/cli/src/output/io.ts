/** Where a command writes, and what it knows about its terminal. Tests and the bin pass the real streams. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  env: NodeJS.ProcessEnv
  cwd: string
  /** Applied to every line {@link out} and {@link err} print (`pull` masks the API key with it). */
  filter?: (line: string) => string
}

/** The process's own streams, environment and working directory. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }
}

type Style = (text: string) => string

function shown(io: CliIo, line: string, style: Style | undefined): string {
  const filtered = io.filter ? io.filter(line) : line
  return `${style ? style(filtered) : filtered}\n`
}

/** Writes one line to stdout; `style` (a colour) applies after the io's filter. */
export function out(io: CliIo, line: string, style?: Style): void {
  io.stdout.write(shown(io, line, style))
}

/** Writes one line to stderr; `style` (a colour) applies after the io's filter. */
export function err(io: CliIo, line: string, style?: Style): void {
  io.stderr.write(shown(io, line, style))
}

/** `1 request`, `2 requests`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
