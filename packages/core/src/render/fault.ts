import type { Fault, PostmanAnswer } from '../glossary.js'
import { toResponse } from './answer.js'

/** The fault each `Response` built here realizes, for transports that must tell them apart. */
const realized = new WeakMap<Response, Fault>()

/** The first half of a body (by characters, never splitting one): what `'malformed'` sends, and `'reset'` before closing. */
function firstHalf(body: string): string {
  const characters = Array.from(body)
  return characters.slice(0, Math.floor(characters.length / 2)).join('')
}

/**
 * An answer carrying a fault: `'malformed'` truncates the body here (so every transport sends the same
 * bytes, framed by their own length: the content is broken, the response is complete); the other faults
 * keep the parts of the answer that would have been sent, for the transport to break.
 *
 * @example
 * withFault(answer, 'timeout', 5000) // { ...answer, fault: 'timeout', after: 5000 }
 */
export function withFault(answer: PostmanAnswer, fault: Fault, after: number | undefined): PostmanAnswer {
  const body = fault === 'malformed' && answer.body !== null ? firstHalf(answer.body) : answer.body
  return { ...answer, body, fault, ...(after === undefined ? {} : { after }) }
}

/** A network error (`Response.error()`), marked with the fault it realizes. */
function networkError(fault: Fault): Response {
  const response = Response.error()
  realized.set(response, fault)
  return response
}

/** The error a reset connection gives a reader of the body: Node's fetch says `terminated`, caused by `ECONNRESET`. */
function resetError(): TypeError {
  return new TypeError('terminated', {
    cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
  })
}

/**
 * A response that announces the whole body (`content-length`), sends its first half, then fails as a
 * connection reset. A transport that writes bytes cuts the connection there, and the client sees a body
 * shorter than announced.
 */
function resetResponse(answer: PostmanAnswer): Response {
  const bytes = new TextEncoder().encode(answer.body ?? '')
  const sent = new TextEncoder().encode(firstHalf(answer.body ?? ''))
  const headers = new Headers(answer.headers)
  headers.set('content-length', String(bytes.byteLength))
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (sent.byteLength) controller.enqueue(sent)
    },
    async pull(controller) {
      // A turn of the event loop first: a transport that writes bytes sends what came before the reset.
      await new Promise((resolve) => setTimeout(resolve, 0))
      controller.error(resetError())
    },
  })
  const response = new Response(body, { status: answer.status, statusText: answer.statusText, headers })
  realized.set(response, 'reset')
  return response
}

/**
 * The requests of timeouts still waiting. A `Request` follows its caller's signal only while the
 * request lives: held by nothing else, it would be collected, and the wait would outlive the abort.
 */
const waiting = new Set<Request>()

/** Resolves when the request's signal aborts or `after` ms have passed (never, with neither). */
function timedOut(request: Request | undefined, after: number | undefined): Promise<void> {
  const signal = request?.signal
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    if (request) waiting.add(request)
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      if (request) waiting.delete(request)
      resolve()
    }
    const timer = after === undefined ? undefined : setTimeout(done, after)
    signal?.addEventListener('abort', done, { once: true })
  })
}

/**
 * The Fetch `Response` of an answer, its fault realized: `'network-error'` is `Response.error()`;
 * `'timeout'` waits for `request`'s signal to abort (or `after` ms), then gives `Response.error()`;
 * `'reset'` sends the headers and half the body, then errors the body stream (a body-less answer is
 * reset before its headers: `Response.error()`); `'malformed'` is the answer, its body already truncated.
 * Without a fault, the answer as it is.
 *
 * @example
 * const response = await faultResponse(answer, request)
 */
export async function faultResponse(answer: PostmanAnswer, request?: Request): Promise<Response> {
  switch (answer.fault) {
    case 'network-error':
      return networkError('network-error')
    case 'timeout':
      await timedOut(request, answer.after)
      return networkError('timeout')
    case 'reset':
      return answer.body ? resetResponse(answer) : networkError('reset')
    case 'malformed': {
      const response = toResponse(answer)
      realized.set(response, 'malformed')
      return response
    }
    default:
      return toResponse(answer)
  }
}

/**
 * Which fault a `Response` from `respond()` or the msw handlers realizes, if any: for a transport that
 * turns `Response.error()` into its own connection error (`ECONNREFUSED` for a network error,
 * `ETIMEDOUT` for a timeout that gave up, `ECONNRESET` for a reset).
 *
 * @example
 * const response = await mock.respond(request)
 * if (response && faultOf(response) === 'timeout') console.log('the mock gave up')
 */
export function faultOf(response: Response): Fault | undefined {
  return realized.get(response)
}
