import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RecordedCall } from '@postmock/core'

/** One request being answered, from its arrival until its answer is handed over (or given up). */
export interface Exchange {
  readonly method: string
  /** The request target as received (`/users/1?x=1`). */
  readonly target: string
  /** `performance.now()` at arrival. */
  readonly started: number
  readonly response: ServerResponse
  /** The call core recorded for this very request (set by `onCall`). */
  call: RecordedCall | undefined
  /** What the log says instead of an example (`no mock served at …`). */
  note: string | undefined
  /** Closed by the server at the drain deadline, unanswered. */
  cut: boolean
  /** Whether the whole answer reached the connection; set when the exchange ends. */
  answered: boolean
  ended: boolean
}

/**
 * The requests being answered. Each ends once: when its whole answer is in the socket (most answers,
 * right after they are written), when its connection closes first, or when {@link InFlight.cut}
 * closes it; `onEnd` then logs it, so the log never reports a status for an answer that was not sent
 * whole. On stop, answers from then on close their connections, and {@link InFlight.drain} says when
 * the last one is done.
 *
 * @example
 * const inFlight = new InFlight((exchange) => log(exchange))
 * const exchange = inFlight.start(request, response, performance.now())
 * // … answer it, then:
 * inFlight.settle(exchange)
 */
export class InFlight {
  private readonly open = new Set<Exchange>()
  private stopping = false
  private idle: (() => void) | undefined

  constructor(private readonly onEnd: (exchange: Exchange) => void) {}

  /** How many requests are being answered. */
  get size(): number {
    return this.open.size
  }

  /**
   * Starts tracking a request.
   *
   * @example
   * const exchange = inFlight.start(request, response, performance.now())
   */
  start(request: IncomingMessage, response: ServerResponse, started: number): Exchange {
    const exchange: Exchange = {
      method: request.method ?? 'GET',
      target: request.url ?? '/',
      started,
      response,
      call: undefined,
      note: undefined,
      cut: false,
      answered: false,
      ended: false,
    }
    this.open.add(exchange)
    if (this.stopping) response.shouldKeepAlive = false
    return exchange
  }

  /**
   * Ends a request once the server is done with it: answered if its whole answer is in the socket
   * already, else when the connection has sent it (or closed without).
   *
   * @example
   * writeAnswer(response, answer, 'GET')
   * inFlight.settle(exchange)
   */
  settle(exchange: Exchange): void {
    const { response } = exchange
    const socket = response.socket
    if (!response.writableEnded || response.destroyed) this.end(exchange, false)
    else if (!socket || socket.writableLength === 0) this.end(exchange, true)
    else response.once('close', () => this.end(exchange, response.writableFinished))
  }

  private end(exchange: Exchange, answered: boolean): void {
    if (exchange.ended) return
    exchange.ended = true
    exchange.answered = answered && !exchange.cut
    this.open.delete(exchange)
    this.onEnd(exchange)
    if (this.stopping && this.open.size === 0) this.idle?.()
  }

  /**
   * Stops keeping connections alive (every answer from now on closes its connection) and resolves
   * once no request is left.
   *
   * @example
   * await inFlight.drain()
   */
  drain(): Promise<void> {
    this.stopping = true
    for (const exchange of this.open) {
      if (!exchange.response.headersSent) exchange.response.shouldKeepAlive = false
    }
    if (this.open.size === 0) return Promise.resolve()
    return new Promise((resolve) => {
      this.idle = resolve
    })
  }

  /**
   * Closes the connection of every request still open, unanswered (a pending `x-mock-response-delay`,
   * say), and ends each as not answered. Returns how many there were.
   *
   * @example
   * const closed = inFlight.cut()
   */
  cut(): number {
    const cut = [...this.open]
    for (const exchange of cut) {
      exchange.cut = true
      exchange.response.destroy()
      this.end(exchange, false)
    }
    return cut.length
  }
}
