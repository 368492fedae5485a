import { type CliIo, out } from '../output/io.js'

/**
 * Log lines written together once per turn of the event loop: under load one write carries the lines
 * of many requests instead of one write (and one wake-up of whatever reads the log) per request.
 *
 * @example
 * const log = new LogBuffer(io)
 * log.push('GET /users/1 → 200 "Get user OK" (Get user) 1 ms')
 */
export class LogBuffer {
  private lines: string[] = []
  private scheduled = false

  constructor(private readonly io: CliIo) {}

  push(line: string): void {
    this.lines.push(line)
    if (!this.scheduled) {
      this.scheduled = true
      setImmediate(this.flush)
    }
  }

  /** Writes what is waiting now (also called before the process stops). */
  readonly flush = (): void => {
    this.scheduled = false
    if (this.lines.length === 0) return
    const text = this.lines.join('\n')
    this.lines = []
    out(this.io, text)
  }
}
