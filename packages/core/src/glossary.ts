/**
 * The words of @postmock/core: every public type, at the bottom of the layers
 * (`collection/ → matching/ → render/ → mock/` and the features beside them import from here, never the reverse).
 */
import type { RequestHandler } from 'msw'
import type { PostmockWarning } from './messages.js'
import type {
  ExampleCode,
  ExampleName,
  RequestItemName,
  TypedCallFilter,
  TypedOverride,
} from './typed-names.js'

/** A parsed Postman environment export (`values[]`), or the Postman API's `{ environment: {...} }` wrapper. */
export interface PostmanEnvironment {
  id?: string
  name?: string
  values?: Array<{ key: string; value?: unknown; enabled?: boolean; type?: string }>
  environment?: PostmanEnvironment
}

/** A network delay: milliseconds, or Postman's presets `'2G'` (300 ms) and `'3G'` (100 ms). */
export type DelaySetting = number | '2G' | '3G'

/** How ties between equally scored examples are broken (spec §3.8). */
export type TieBreak = 'id-prefer-200' | 'prefer-2xx' | 'last-lexicographic' | 'collection-order'

/** Options of {@link createPostmanMock}. Every option has Postman's default. */
export interface PostmanMockOptions {
  /** A parsed environment export; its enabled values resolve `{{variables}}` (over collection variables). */
  environment?: PostmanEnvironment | string
  /** Extra or overriding variables (over the environment and the collection). */
  variables?: Record<string, string | number | boolean>
  /**
   * App origins answered beside `*.mock.pstmn.io`, e.g. `https://api.example.com`. A base path
   * (`http://localhost:3000/api`) serves only requests under it and matches the rest of the path.
   */
  baseUrls?: string[]
  /** Serve only these `<mockId>.mock.pstmn.io` hosts. Default: any mock id. */
  mockIds?: string[]
  /** A private mock: every call needs an `x-api-key` header listed in `apiKeys`. Default `false`. */
  private?: boolean
  /** The keys a private mock accepts. */
  apiKeys?: string[]
  /** Filter by request body (as `x-mock-match-request-body: true`). Default `false`. */
  matchBody?: boolean
  /** Filter by these request headers (as `x-mock-match-request-headers`). Default none. */
  matchHeaders?: string[]
  /** Score query parameters. Default `true`. */
  matchQueryParams?: boolean
  /** Treat unresolved `{{var}}` path segments as wildcards. Default `true`. */
  matchWildcards?: boolean
  /** Delay every answer (overridden per request by `x-mock-response-delay`). Default none. */
  delay?: DelaySetting
  /** Seed for dynamic variables (`{{$randomInt}}`…): the same seed gives the same values. */
  seed?: number
  /** Throw on a malformed example instead of skipping it with a warning. Default `false`. */
  strict?: boolean
  /** How ties are broken. Default `'id-prefer-200'` (Postman's current documentation). */
  tieBreak?: TieBreak
  /**
   * Where `x-mock-response-name` (and `use({ example })` without `request`) looks: `'collection'` (Postman: any
   * example of the method, whatever its path) or `'request'` (only examples whose path matches). Default `'collection'`.
   */
  nameLookupScope?: 'collection' | 'request'
  /** Answer non-standard status codes (e.g. 449) with 200, as Postman was seen doing. Default `false`. */
  coerceUnknownStatusTo200?: boolean
  /** The error for a private mock called without a valid key. Default `'AuthenticationError'` (401). */
  privateAuthError?: 'AuthenticationError' | 'mockNotFoundError'
  /**
   * An active server response (Postman's `serverResponseId`): every call gets it, whatever matches.
   * Postman allows 5xx codes only.
   */
  serverResponse?: { statusCode: number; headers?: Array<{ key: string; value: string }>; body?: string }
  /**
   * Postman's call limits, off by default: `callsPerMinute` (Postman allows 120 a minute per mock) answers
   * 429 `rateLimitError` past it; `totalCalls` (a plan's monthly quota, counted here from load or
   * `reset()`) answers 429 `usageLimitError` past it.
   */
  limits?: { callsPerMinute?: number; totalCalls?: number }
  /**
   * Add the other headers Postman's servers send: a weak `ETag`, `Vary: Accept-Encoding`, `x-srv-trace` /
   * `x-srv-span`, and `X-RateLimit-*` when `limits.callsPerMinute` is set. Default `false`
   * (`Access-Control-Allow-Origin: *` is always added).
   */
  serverHeaders?: boolean
  /** Where load warnings go. Default: `console.warn`. */
  onWarning?: (warning: PostmockWarning) => void
  /**
   * How many calls `calls()` keeps: the newest ones (`0` keeps none). Default: all of them, which is what a
   * test needs; a long-running server (`postmock serve`) bounds it. `unused()` is not affected.
   */
  callLog?: number
  /**
   * Called with each call as it is recorded, and the `Request` it answers (the object passed to
   * `respond()`, or msw's copy): what a server logs for this request, with no look-up in `calls()`.
   */
  onCall?: (call: RecordedCall, request: Request) => void
}

/** One saved example, as {@link PostmanMock.examples} lists it. */
export interface ExampleInfo {
  /** The name of the request (item) the example belongs to. */
  request: RequestItemName
  /** Folder names from the collection root down to the request. */
  folders: string[]
  method: string
  /** The resolved path the example answers, e.g. `/users/42`. */
  path: string
  /** Enabled query parameters of the example's request, as `key=value` pairs. */
  query: string
  code: ExampleCode
  name: ExampleName
  id: string | undefined
  uid: string | undefined
  /** JSON path of the example in the collection, e.g. `item[0].response[1]`. */
  location: string
}

/**
 * A way for a request to fail instead of answering cleanly: `'network-error'` (no answer at all: fetch rejects with a
 * `TypeError`, Node clients see `ECONNREFUSED`), `'timeout'` (no answer until the client aborts, or until `after` ms,
 * then a network error), `'reset'` (the headers and part of the body, then the connection closes), `'malformed'`
 * (the example's status and headers with a truncated body).
 *
 * @example
 * mock.use({ request: 'Get user', fault: 'network-error' })
 */
export type Fault = 'network-error' | 'timeout' | 'reset' | 'malformed'

/**
 * One answer of a {@link MockOverride.sequence}: which example (`code`, `example` name or `id`, as in
 * {@link MockOverride}), or a `fault`, and its own `delay`. An empty step `{}` answers as normal matching would.
 *
 * @example
 * mock.use({ request: 'Get user', sequence: [{ code: 503 }, { fault: 'timeout', after: 100 }, { code: 200 }] })
 */
export interface SequenceStep {
  /** The status code of the example (as `x-mock-response-code`). */
  code?: number
  /** The example name (as `x-mock-response-name`). */
  example?: string
  /** The example id or uid (as `x-mock-response-id`). */
  id?: string
  /** Fail this call instead (see {@link Fault}). */
  fault?: Fault
  /** With `fault: 'timeout'`: give up after this many milliseconds with a network error. Default: wait for the client. */
  after?: number
  /** Delay this answer (over the mock's `delay`; `x-mock-response-delay` on the request still wins). */
  delay?: DelaySetting
}

/**
 * Chooses the answer from the test side, as the `x-mock-response-*` headers would. With a `postmock types`
 * file in the program, `request`, `example` and `code` (also in `sequence` steps) take only the collection's names.
 *
 * @example
 * const override: MockOverride = { request: 'Get user', code: 401 }
 * mock.use(override)
 */
export type MockOverride = TypedOverride<MockOverrideFields>

/** {@link MockOverride} with plain `string` names, as it is when no `postmock types` file is registered. */
export interface MockOverrideFields {
  /** Apply only to requests that reach this request: its item name, or `METHOD /path` / `/path`. */
  request?: string
  /** The example name (as `x-mock-response-name`). */
  example?: string
  /** The status code (as `x-mock-response-code`). */
  code?: number
  /** The example id or uid (as `x-mock-response-id`). */
  id?: string
  /** Serve this override once, then drop it (with a `sequence`: play it once, then drop it). Default `false`. */
  once?: boolean
  /** Fail the request instead of answering (see {@link Fault}); `code`/`example`/`id` choose what `reset`/`malformed` break. */
  fault?: Fault
  /** With `fault: 'timeout'`: give up after this many milliseconds with a network error. Default: wait for the client. */
  after?: number
  /** Delay the answers of this override (over the mock's `delay`; `x-mock-response-delay` on the request still wins). */
  delay?: DelaySetting
  /**
   * Successive calls that reach this override get successive steps; after the last one, `then` decides. Not
   * together with `code`, `example`, `id`, `fault`, `after` or `delay` (each step has its own).
   */
  sequence?: SequenceStep[]
  /**
   * After the last step of a `sequence`: `'repeat'` answers with the last step again (the default),
   * `'collection'` steps aside (older overrides and normal matching answer again).
   */
  then?: 'repeat' | 'collection'
}

/** What {@link PostmanMock.calls} records for every request served. */
export interface RecordedCall {
  method: string
  url: string
  /** The request (item) name of the example served, when one matched. */
  request: RequestItemName | undefined
  /** The example served (`location` is its JSON path), or `undefined` for Postman's not-found answer. */
  example: { name: ExampleName; id: string | undefined; code: ExampleCode; location: string } | undefined
  status: number
  /**
   * What chose the example: scoring, a control header or a `use()` override; `'recorded'` when a recording
   * session (the adapters' `record` option) sent the request to the real API, whose status `status` is.
   */
  via:
    | 'score'
    | 'x-mock-response-id'
    | 'x-mock-response-name'
    | 'override'
    | 'not-found'
    | 'auth'
    | 'server-response'
    | 'limit'
    | 'recorded'
  /** Which step of a `use({ sequence })` answered: its index in `sequence`, from 0. Absent otherwise. */
  step?: number
  /**
   * The fault the call got, if any. `status` is then `0` for `'network-error'` and `'timeout'` (no answer reached
   * the client) and the example's status for `'reset'` and `'malformed'` (its headers were sent).
   */
  fault?: Fault
}

/**
 * Filters {@link PostmanMock.calls}. With a `postmock types` file in the program, `request` takes only the
 * collection's request names, and with it `example` and `status` only that request's.
 *
 * @example
 * const filter: CallFilter = { request: 'Get user', status: 401 }
 * mock.calls(filter)
 */
export type CallFilter = TypedCallFilter<CallFilterFields>

/** {@link CallFilter} with plain `string` names, as it is when no `postmock types` file is registered. */
export interface CallFilterFields {
  request?: string
  method?: string
  status?: number
  example?: string
}

/** One candidate example in an {@link Explanation}. */
export interface CandidateExplanation {
  example: ExampleInfo
  /** The final score, or `undefined` when the example was dropped before scoring ended. */
  score: number | undefined
  /** The path step that matched (`exact`, `trailing-slash`, …) or `undefined`. */
  pathStep: string | undefined
  won: boolean
  /** Why it won or lost, in words. */
  reason: string
}

/** The answer of {@link PostmanMock.explain}. */
export interface Explanation {
  method: string
  url: string
  /** Whether the origin is served by this mock. */
  served: boolean
  /** The winning example, if any. */
  winner: ExampleInfo | undefined
  /** Every example with the same method first, best first; other methods after. */
  candidates: CandidateExplanation[]
  /** A readable report: method, URL and the closest examples with why each lost. */
  report: string
}

/**
 * An answer in parts, before any Fetch `Response` is built: what {@link PostmanMock.answer} gives a
 * server that writes its own bytes. `respond()` sends the same parts as a `Response`; a string body
 * always comes with a `content-type` (the one `new Response(string)` would add when the answer has
 * none). `body` is `null` for a status without a body (101, 103, 204, 205, 304) and for `HEAD`.
 *
 * @example
 * const answer = await mock.answer(new Request('https://abc123.mock.pstmn.io/users/1'))
 * if (answer) {
 *   response.writeHead(answer.status, answer.statusText, [...answer.headers].flat())
 *   response.end(answer.body ?? undefined)
 * }
 */
export interface PostmanAnswer {
  status: number
  /** The example's status text (`''` when it has none, or one HTTP cannot carry). */
  statusText: string
  headers: Headers
  body: string | null
  /**
   * A fault the transport must realize instead of sending these parts cleanly (from `use({ fault })` or a
   * sequence step): `'network-error'` and `'timeout'` send nothing (the parts say what would have answered);
   * `'reset'` sends the headers and part of the body, then closes; `'malformed'` carries the truncated body already.
   */
  fault?: Fault
  /** With `fault: 'timeout'`: milliseconds after which the request fails as a network error; absent: never. */
  after?: number
}

/** The object {@link createPostmanMock} returns. */
export interface PostmanMock {
  /** MSW request handlers: one dispatcher per served origin. */
  readonly handlers: RequestHandler[]
  /** Every example loaded. */
  readonly examples: readonly ExampleInfo[]
  /** Problems found while loading (skipped examples…). */
  readonly warnings: readonly PostmockWarning[]
  /** The whole pipeline for one request; `undefined` when its origin is not served. */
  respond(request: Request): Promise<Response | undefined>
  /**
   * The same pipeline as `respond()` (matching, recorded call, delay), giving the answer in parts,
   * with no `Response` to build and read back: for a server that writes the bytes itself.
   */
  answer(request: Request): Promise<PostmanAnswer | undefined>
  /** Every candidate example with its score and why it won or lost. */
  explain(request: Request): Promise<Explanation>
  /**
   * Compares a real answer with the example this mock would answer `request` with (chosen as
   * `explain()` chooses it: no call recorded, no `once` override used up): status code, Content-Type
   * family, and for JSON the shape (keys and JSON types at every path; values may differ). The
   * response's body is read from a clone, so it can still be read after.
   *
   * @example
   * const request = new Request('https://staging.api.example.com/users/1')
   * const result = await postman.verify(request, await realFetch(request))
   * expect(result.differences.map((d) => d.text)).toEqual([]) // e.g. ['$.email missing', 'status 200 → 404']
   */
  verify(request: Request, response: Response, options?: VerifyOptions): Promise<VerifyResult>
  /** The origins served, e.g. `https://*.mock.pstmn.io`, `https://api.example.com/v1`. */
  readonly origins: readonly string[]
  /** Whether this mock answers requests to this URL's origin. */
  serves(url: string | URL): boolean
  /** Choose answers from the test side; returns a function that removes these overrides. */
  use(...overrides: MockOverride[]): () => void
  /** The requests served so far. */
  calls(filter?: CallFilter): RecordedCall[]
  /** Examples never served. */
  unused(): ExampleInfo[]
  /** Drop overrides and recorded calls, and re-seed dynamic values. */
  reset(): void
  /**
   * A mock over the same loaded collections with its own overrides, recorded calls and dynamic values:
   * cheap (nothing is read or indexed again), for tests that run concurrently.
   */
  fork(): PostmanMock
}

/**
 * What kind of difference a {@link VerifyDifference} is:
 * - `status`: another status code;
 * - `content-type`: another Content-Type family (`json`, `html`, `xml`, `text`, …);
 * - `missing`: a key of the example is not in the answer;
 * - `unexpected`: the answer has a key the example does not (unless `allowExtraKeys`);
 * - `type`: another JSON type at this path (`number → string`);
 * - `not-json`: the example's body is JSON, the answer's is not;
 * - `no-example`: no example answers the request, so there is nothing to compare with.
 */
export type VerifyDifferenceKind =
  | 'status'
  | 'content-type'
  | 'missing'
  | 'unexpected'
  | 'type'
  | 'not-json'
  | 'no-example'

/** One way a real answer differs from its example. */
export interface VerifyDifference {
  /**
   * Where: `status`, `content-type`, or a JSON path into the body (`$`, `$.user.email`,
   * `$.items[*].id`: `[*]` is any element of an array, `$['a key']` a key that is no identifier).
   */
  path: string
  kind: VerifyDifferenceKind
  /** The example's side (`200`, `json`, `number`), when the difference has one. */
  expected: string | undefined
  /** The answer's side (`404`, `html`, `string`), when the difference has one. */
  actual: string | undefined
  /** The difference in words: `$.email missing`, `$.id number → string`, `status 200 → 404`. */
  text: string
}

/** The comparison of a real answer with the example that describes it. */
export interface VerifyResult {
  /** `true` when nothing differs. */
  ok: boolean
  /** The example compared with, or `undefined` when no example answers the request. */
  example: ExampleInfo | undefined
  differences: VerifyDifference[]
}

/** How a real answer is compared with its example. */
export interface VerifyOptions {
  /**
   * Keys the answer has and the example does not are fine. Default `false`: they are drift
   * (`$.extra unexpected`), because an example that lacks a field the API sends no longer shows
   * the API as it is, and tests against the mock never see that field.
   */
  allowExtraKeys?: boolean
  /**
   * A `null` on one side and another type on the other is drift. Default `false`: `null` goes with
   * any type, as APIs send `null` for an optional field that has no value.
   */
  strictNull?: boolean
}

/** An answer in the parts the comparison reads. */
export interface ComparedAnswer {
  status: number
  /** The `Content-Type` header, if any. */
  contentType: string | undefined
  /** The body text (`''` when there is none). */
  body: string
}
