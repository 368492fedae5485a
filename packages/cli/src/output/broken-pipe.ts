/** A stream the process writes to: stdout or stderr. */
interface OutputStream {
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown
}

/**
 * When the reader of a pipe stops early (`postmock inspect … | head -n 1`), the next write fails with
 * EPIPE, which Node raises as an unhandled 'error' event (a stack trace). Like other command-line
 * tools, stop quietly instead: exit with the status so far (0 unless one was set). Other stream errors
 * are thrown as before.
 */
export function exitQuietlyOnBrokenPipe(
  streams: readonly OutputStream[] = [process.stdout, process.stderr],
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  for (const stream of streams) {
    stream.on('error', (error) => {
      if (error.code !== 'EPIPE') throw error
      exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
    })
  }
}
