import { basename } from 'node:path'
import {
  formatMessage,
  forwardedHeaders,
  type RecordChange,
  type RecordedCall,
  type RecordedExchange,
  recordingDecision,
  recordTargetOf,
} from '@postmock/core'
import { loadCollection, recordIntoFile } from '@postmock/core/node'
import { type CliIo, err, plural } from '../output/io.js'
import { formatByteSize } from './byte-size.js'
import type { JsonError } from './json-error.js'
import type { Served } from './load-served.js'
import { maskedTarget } from './masked-target.js'
import type { RecordSettings } from './record-settings.js'

/**
 * How long recorded answers wait before they are written: a burst of calls is one write of the
 * collection file (not one per call), the mock answers from the recorded examples a moment later,
 * and a server killed without SIGTERM loses at most this much.
 */
export const RECORD_WRITE_DELAY_MS = 1000

/** A real answer for the client, read whole (and decoded). */
export interface RealAnswer {
  status: number
  statusText: string
  headers: Headers
  body: Uint8Array
}

/** What the proxy did with a request: the real answer, or the error the client gets instead. */
export type ProxyOutcome = { kind: 'answer'; answer: RealAnswer } | { kind: 'error'; error: JsonError }

/** Request headers not sent on: the hop's own, the mock's control headers, and (with a private mock) its key. */
const NOT_FORWARDED = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'])

class TooLarge extends Error {}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of response.body) {
    size += chunk.length
    if (size > maxBytes) {
      await response.body.cancel().catch(() => {})
      throw new TooLarge()
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

function changesLine(file: string, changes: RecordChange[]): string {
  const count = (kind: RecordChange['kind']) => changes.filter((change) => change.kind === kind).length
  const parts = [
    count('added') ? `${plural(count('added'), 'example')} added` : '',
    count('replaced') ? `${plural(count('replaced'), 'example')} refreshed` : '',
    count('unchanged') ? `${count('unchanged')} already saved` : '',
  ].filter(Boolean)
  return `[postmock] Recorded into ${basename(file)}: ${parts.join(', ')}.`
}

/**
 * `postmock serve --record <target>`: after the mock answered a request, sends it to the real API
 * when the mode says so (`missing`: what no example answers; `all`: also what an example answered by
 * matching), hands the real answer to the client, and writes the exchanges into the served collection
 * file {@link RECORD_WRITE_DELAY_MS} after the first one waiting, and at shutdown, through
 * `recordIntoFile` (locked, re-read, merged, atomic). After each write the mock is built again from
 * the file, so recorded examples answer from then on.
 *
 * @example
 * const proxy = new RecordProxy(settings, served, served.collection, { maxBody, dropApiKey: false, io, log })
 * const outcome = await proxy.forward(request, body, exchange.call, exchange.target)
 * await proxy.close() // at shutdown
 */
export class RecordProxy {
  private pending: RecordedExchange[] = []
  private timer: NodeJS.Timeout | undefined
  private writing: Promise<boolean> = Promise.resolve(true)
  private readonly file: string
  private readonly rebuild: (collection: unknown) => Served['mock']

  constructor(
    private readonly settings: RecordSettings,
    private readonly served: Served,
    collection: NonNullable<Served['collection']>,
    private readonly options: {
      maxBody: number
      dropApiKey: boolean
      io: CliIo
      log: (line: string) => void
    },
  ) {
    this.file = collection.file
    this.rebuild = collection.rebuild
  }

  /**
   * After the mock answered `request` (`call` is the call it recorded, `body` the request body
   * read already): `undefined` when the mock's answer stands, else the real API's answer (or the error
   * to send when it could not be had). `target` is the request target as received, for messages.
   */
  async forward(
    request: Request,
    body: Uint8Array<ArrayBuffer> | undefined,
    call: RecordedCall | undefined,
    target: string,
  ): Promise<ProxyOutcome | undefined> {
    const { settings } = this
    const where = recordTargetOf([], settings.target, request.url)
    const send = recordingDecision(settings.mode, call, this.served.mock.examples, where, request.url)
    if (!send || !where) return undefined
    const headers = new Headers()
    request.headers.forEach((value, name) => {
      if (NOT_FORWARDED.has(name) || name.startsWith('x-mock-')) return
      if (name === 'x-api-key' && this.options.dropApiKey) return
      headers.append(name, value)
    })
    const what = `record ${request.method} ${maskedTarget(target)}`
    const at = maskedTarget(where.url)
    let response: Response
    let bytes: Uint8Array
    try {
      response = await fetch(where.url, {
        method: request.method,
        headers,
        ...(body?.length ? { body } : {}),
        redirect: 'manual',
        ...(settings.timeoutMs > 0 ? { signal: AbortSignal.timeout(settings.timeoutMs) } : {}),
      })
      bytes = await readCapped(response, this.options.maxBody)
    } catch (error) {
      if (error instanceof TooLarge) {
        const limit = formatByteSize(this.options.maxBody)
        const message = formatMessage(
          what,
          `the real API's answer is larger than --max-body (${limit}), so it was neither sent on nor saved`,
          'Start postmock serve with a larger --max-body',
        )
        return this.failed(502, 'Bad Gateway', message)
      }
      if ((error as Error).name === 'TimeoutError') {
        const message = formatMessage(
          what,
          `the real API at ${at} did not answer within --record-timeout ${settings.timeoutMs} ms`,
          'Check the API, or give it longer with --record-timeout <ms>',
        )
        return this.failed(504, 'Gateway Timeout', message)
      }
      const cause = (error as { cause?: { code?: string; message?: string } }).cause
      const reason = cause?.code ?? cause?.message ?? (error as Error).message
      const message = formatMessage(
        what,
        `the real API at ${at} could not be reached (${reason})`,
        `Check that ${settings.target} is up and reachable from this machine`,
      )
      return this.failed(502, 'Bad Gateway', message)
    }
    const responseHeaders: Array<[string, string]> = [...response.headers]
    this.keep({
      request: {
        method: request.method,
        url: where.url,
        headers: [...request.headers],
        body: body?.length ? Buffer.from(body).toString('utf8') : '',
      },
      response: {
        status: response.status,
        statusText: response.statusText,
        headers: responseHeaders,
        body: Buffer.from(bytes).toString('utf8'),
      },
      ...(send.replaces ? { replaces: send.replaces } : {}),
    })
    return {
      kind: 'answer',
      answer: {
        status: response.status,
        statusText: response.statusText,
        headers: new Headers(forwardedHeaders(responseHeaders)),
        body: bytes,
      },
    }
  }

  private failed(status: number, statusText: string, message: string): ProxyOutcome {
    err(this.options.io, message)
    return { kind: 'error', error: { status, statusText, name: 'recordError', message } }
  }

  private keep(exchange: RecordedExchange): void {
    this.pending.push(exchange)
    this.timer ??= setTimeout(() => {
      this.timer = undefined
      void this.write()
    }, RECORD_WRITE_DELAY_MS)
  }

  /**
   * Writes the exchanges waiting (one write at a time), then builds the mock again from the file.
   * Resolves `false` when the write failed: the `[postmock]` line on stderr says why, and the
   * exchanges wait for the next write.
   */
  write(): Promise<boolean> {
    this.writing = this.writing.then(async () => {
      const exchanges = this.pending
      if (!exchanges.length) return true
      this.pending = []
      const { target, redact } = this.settings
      try {
        const result = await recordIntoFile(this.file, exchanges, { target, redact })
        if (result.written) this.served.mock = this.rebuild(await loadCollection(this.file))
        this.options.log(changesLine(this.file, result.changes))
        return true
      } catch (error) {
        this.pending = [...exchanges, ...this.pending]
        err(this.options.io, (error as Error).message)
        return false
      }
    })
    return this.writing
  }

  /** Stops the timer and writes what waits (at shutdown). Resolves `false` when that write failed. */
  async close(): Promise<boolean> {
    clearTimeout(this.timer)
    this.timer = undefined
    return this.write()
  }

  /** How many answers wait to be written. */
  get waiting(): number {
    return this.pending.length
  }
}
