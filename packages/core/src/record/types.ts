/** The words of recording: a real exchange with an API, and where it lands in a collection. */

/** Header pairs as a `Headers` object, a plain record or `[name, value]` pairs (repeats kept). */
export type RecordedHeaders = Headers | Record<string, string> | ReadonlyArray<readonly [string, string]>

/**
 * One request sent to the real API and the answer it gave, as plain data (bodies as text).
 *
 * @example
 * const exchange: RecordedExchange = {
 *   request: { method: 'GET', url: 'https://staging.api.example.com/users/42' },
 *   response: { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, body: '{"id":42}' },
 * }
 */
export interface RecordedExchange {
  request: {
    method: string
    /** The absolute URL the request was sent to (on the target). */
    url: string
    headers?: RecordedHeaders
    /** The request body as text; absent or `''` for none. */
    body?: string
  }
  response: {
    status: number
    /** The reason phrase; when empty, the standard one for the code is used (`404` → `Not Found`). */
    statusText?: string
    headers?: RecordedHeaders
    body?: string
  }
  /**
   * `record: 'all'`: the example that answered this request in the mock (its `location`, as
   * `ExampleInfo.location` and `RecordedCall.example.location` give it, plus its name and id to check
   * the location still points at it). It is refreshed in place with the real answer.
   */
  replaces?: { location: string; name?: string; id?: string }
}

/**
 * What never lands in a collection, beside the defaults (`Authorization`, `Cookie`, `Set-Cookie`,
 * `X-Api-Key`, `Proxy-Authorization` headers; `apikey`, `api_key`, `access_token` query values): their
 * values become `{{redacted}}`.
 *
 * @example
 * const redact: RedactOptions = { headers: ['x-session'], query: ['sig'], jsonPaths: ['$.token', '$.users[*].email'] }
 */
export interface RedactOptions {
  /** Header names (any case), in requests and responses. */
  headers?: readonly string[]
  /** Query parameter names (exact). */
  query?: readonly string[]
  /**
   * Paths in JSON bodies (requests and responses): `$.token`, `$.user.password`, `$.items[0].key`,
   * `$.items[*].secret`, `$['odd key']`, `$..password` (at any depth).
   */
  jsonPaths?: readonly string[]
}

/**
 * Options of {@link recordExamples}.
 *
 * @example
 * const options: RecordOptions = { target: 'https://staging.api.example.com', redact: { headers: ['x-session'] } }
 */
export interface RecordOptions {
  /**
   * The real API's URL the requests were sent to (origin and optional base path, e.g.
   * `https://staging.api.example.com/v1`). Paths are matched below it, and in `originalRequest` it is
   * replaced by the item's `{{baseUrl}}` form (the `{{variable}}` its saved URL starts with).
   */
  target?: string
  redact?: RedactOptions
  /** The folder new items go into. Default `'Recorded'`. */
  folder?: string
}

/** What recording one exchange did. */
export interface RecordChange {
  /** `added`: a new example; `replaced`: an example refreshed; `unchanged`: the same answer was already saved. */
  kind: 'added' | 'replaced' | 'unchanged'
  /** Whether a new request item was created for it (in the `Recorded` folder). */
  newItem: boolean
  /** The request item's name. */
  request: string
  /** The example's name, e.g. `200 OK`. */
  name: string
  /** The example's id. */
  id: string
  /** JSON path of the example in the collection, e.g. `item[2].item[0].response[1]`. */
  location: string
}

/** The answer of {@link recordExamples}. */
export interface RecordResult {
  /** The collection with the examples in it (a copy; the input is not changed). */
  collection: Record<string, unknown>
  /** One entry per exchange, in order. */
  changes: RecordChange[]
  /** Whether anything was added or replaced (`false`: the file needs no write). */
  changed: boolean
}
