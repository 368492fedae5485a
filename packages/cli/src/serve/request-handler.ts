import type { IncomingMessage, ServerResponse } from 'node:http'
import { formatMessage } from '@postmock/core'
import { type CliIo, err } from '../output/io.js'
import { visible } from '../output/visible.js'
import { formatByteSize } from './byte-size.js'
import type { DroppedHeaderWarnings } from './header-warnings.js'
import type { Exchange, InFlight } from './in-flight.js'
import { MOCK_NOT_FOUND, writeJsonError } from './json-error.js'
import type { Served } from './load-served.js'
import { maskedTarget } from './masked-target.js'
import { closeAfterAnswer, readBody } from './read-body.js'
import type { RecordProxy } from './record-proxy.js'
import { toFetchRequest } from './to-fetch-request.js'
import { writeAnswer } from './write-response.js'

/** How long the rest of a body over the limit is read and dropped before its connection is closed. */
const LINGER_MS = 5000

/** What answering a request needs. */
export interface HandlerContext {
  served: Served
  maxBody: number
  inFlight: InFlight
  /** Where `onCall` finds the exchange of the request core answers. */
  exchanges: WeakMap<Request, Exchange>
  headerWarnings: DroppedHeaderWarnings
  io: CliIo
  /** `serve --record`: sends what the mock should not answer to the real API. */
  recorder?: RecordProxy
}

async function answer(context: HandlerContext, request: IncomingMessage, exchange: Exchange): Promise<void> {
  const { response } = exchange
  let body: Uint8Array<ArrayBuffer> | undefined
  if (exchange.method !== 'GET' && exchange.method !== 'HEAD') {
    const read = await readBody(request, context.maxBody)
    if (read.kind === 'aborted') return
    if (read.kind === 'too-large') {
      const limit = formatByteSize(context.maxBody)
      exchange.note = `request body over --max-body (${limit}), not kept`
      const message = `The request body is larger than ${limit}, the most this server reads. Send a smaller body, or start postmock serve with a larger --max-body.`
      closeAfterAnswer(request, LINGER_MS)
      writeJsonError(
        response,
        { status: 413, statusText: 'Payload Too Large', name: 'payloadTooLargeError', message },
        true,
      )
      return
    }
    body = read.bytes
  }
  const fetchRequest = toFetchRequest(request, context.served.defaultHost, body)
  context.exchanges.set(fetchRequest, exchange)
  const answered = await context.served.mock.answer(fetchRequest)
  if (!answered) {
    exchange.note = `no mock served at ${new URL(fetchRequest.url).host}`
    writeJsonError(response, MOCK_NOT_FOUND)
    return
  }
  const forwarded = await context.recorder?.forward(fetchRequest, body, exchange.call, exchange.target)
  if (forwarded?.kind === 'error') {
    exchange.note = `${forwarded.error.status}: the [postmock] line on stderr says why`
    writeJsonError(response, forwarded.error)
    return
  }
  if (forwarded) exchange.note = 'from the real API, recorded'
  const dropped = writeAnswer(response, forwarded?.answer ?? answered, exchange.method)
  if (dropped) context.headerWarnings.warn(dropped, exchange.call)
}

/**
 * The server's request listener: reads the body (up to `maxBody`), has core answer, writes the
 * answer, and keeps every request in `inFlight` until the answer is handed over (which logs it). A failure
 * is a 500 with Postman's error shape and its own status text, and a `[postmock]` line on stderr.
 *
 * @example
 * createServer(options, createRequestHandler(context))
 */
export function createRequestHandler(
  context: HandlerContext,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const { inFlight } = context
    const exchange = inFlight.start(request, response, performance.now())
    answer(context, request, exchange).then(
      () => inFlight.settle(exchange),
      (error: unknown) => {
        const message = (error as Error)?.message ?? String(error)
        const what = `${exchange.method} ${maskedTarget(exchange.target)}`
        err(
          context.io,
          visible(message.startsWith('[postmock]') ? message : formatMessage(`answer ${what}`, message)),
        )
        exchange.note = 'failed: the [postmock] line on stderr says why'
        if (response.headersSent) response.destroy()
        else {
          writeJsonError(response, {
            status: 500,
            statusText: 'Internal Server Error',
            name: 'postmockError',
            message,
          })
        }
        inFlight.settle(exchange)
      },
    )
  }
}
