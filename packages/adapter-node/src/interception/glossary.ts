/**
 * The words of the interception layer. It knows nothing of collections: the session tells it, per
 * request and per connection, what to do (see {@link InterceptionPolicy}).
 */

/** What happens to one HTTP request the process sends. */
export type HttpVerdict =
  /** Answered in-process: the request never leaves the process. */
  | { kind: 'respond'; response: Response }
  /** Failed like a network error, with a `[postmock]` report as its cause; nothing is sent. */
  | { kind: 'refuse'; error: Error }
  /**
   * Failed like a network error because the test asked for it (a `use({ fault })`, msw's
   * `HttpResponse.error()`), with `error` as the connection error; nothing is sent, nothing reported.
   */
  | { kind: 'fail'; error: Error }
  /** Sent to the real network (`passthrough`, `onUnmatched: 'bypass'`). */
  | { kind: 'passthrough' }

/** A TCP or TLS connection a client opens, as its `connect()` call names it (no DNS lookup yet). */
export interface ConnectionTarget {
  host: string
  port: number
  tls: boolean
}

/**
 * What happens to a connection below HTTP. `'allow'`: HTTP on it is decided request by request and
 * anything else reaches the target. `guard`: HTTP on it is still decided request by request (so a
 * report names the URL), but it never reaches its target: bytes that are not HTTP (or silence, with
 * `refuseSilence`) close it with the error `refuse()` returns (which also records the report, in the scope that opened it).
 */
export type ConnectionVerdict =
  | 'allow'
  | {
      kind: 'guard'
      refuse: () => Error
      /**
       * Also refuse a connection that stays silent (a protocol where the server speaks first), rather
       * than leave it pending. Not for served origins: an HTTP client may open one and write later.
       */
      refuseSilence: boolean
    }

/** The decisions the layer asks for; the session answers them from its collections and options. */
export interface InterceptionPolicy {
  /** Decides an HTTP request (WebSocket upgrades included) from any client. */
  request(request: Request): Promise<HttpVerdict>
  /**
   * Decides a connection when it is opened. `'allow'` lets HTTP on it be decided request by request
   * and anything else reach the target; a refusal applies only if the connection carries something
   * other than HTTP (HTTP requests on it are still decided by {@link request}, so the report names
   * the URL).
   */
  connection(target: ConnectionTarget): ConnectionVerdict
}

/** The installed layer. */
export interface Interception {
  /** Removes every patch; requests go to the network again. */
  dispose(): void
}
