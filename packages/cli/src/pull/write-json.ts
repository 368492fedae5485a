import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, relative } from 'node:path'
import { type CliIo, err } from '../output/io.js'
import { MIN_SECRET_LENGTH } from '../output/mask-secret.js'

/** Where `pull` writes: its io, the key that must not reach a file, and the files written so far. */
export interface Writer {
  io: CliIo
  apiKey: string
  outDir: string
  written: string[]
}

/** A path as `pull` prints it: relative to the working folder. */
export function shownPath(io: CliIo, path: string): string {
  return relative(io.cwd, path) || '.'
}

/** Writes JSON, making sure the API key is not in it (an environment may hold it as a value). */
export async function writeJson(writer: Writer, path: string, data: unknown): Promise<void> {
  let text = `${JSON.stringify(data, null, 2)}\n`
  if (writer.apiKey.length >= MIN_SECRET_LENGTH && text.includes(writer.apiKey)) {
    const times = text.split(writer.apiKey).length - 1
    text = text.split(writer.apiKey).join('')
    err(
      writer.io,
      `[postmock] Removed your Postman API key from ${shownPath(writer.io, path)}: Postman's data held it ${times} time(s), and postmock never writes it to disk.`,
    )
  }
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, text)
  writer.written.push(path)
}
