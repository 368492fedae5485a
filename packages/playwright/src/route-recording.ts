/** Recording in a routing: which page requests go to the real API, their answers kept until unroute. */
import { isAbsolute, resolve } from 'node:path'
import {
  formatMessage,
  forwardedHeaders,
  noRecordTargetError,
  type PostmanMock,
  PostmockError,
  RECORD_ENV,
  RecordedAnswers,
  type RecordedCall,
  type RecordedExchange,
  type RecordingChoice,
  readRecordingOptions,
  readTargetUrl,
  recordingDecision,
  recordTargetOf,
} from '@postmock/core'
import { recordIntoFile } from '@postmock/core/node'
import type { CollectionSource, PostmanRouteOptions } from './options.js'
import type { APIResponseLike, RouteLike } from './playwright-like.js'
import { toFulfillHeaders } from './to-fetch-request.js'

/** What recording did with a routed request. */
export type RecordOutcome = { kind: 'recorded' } | { kind: 'failed'; report: string }

/**
 * Request headers the browser adds on its own (client hints, fetch metadata, the page's origin and
 * address, which change with the app's port): sent to the real API, never saved in an example.
 */
function browserHeader(name: string): boolean {
  return name.startsWith('sec-') || name === 'origin' || name === 'referer' || name.startsWith(':')
}

/** Postman's control headers (`x-mock-response-code`…) ask the mock, not the API: never sent on, never saved. */
function mockControlHeader(name: string): boolean {
  return name.toLowerCase().startsWith('x-mock-')
}

/**
 * The headers `route.fetch()` sends to the real API: the page's, less the mock's control headers
 * (`undefined`, the page's own, when it sent none; Playwright sets `Host` for the new URL).
 */
function headersForApi(sent: Record<string, string>): Record<string, string> | undefined {
  if (!Object.keys(sent).some(mockControlHeader)) return undefined
  return Object.fromEntries(
    Object.entries(sent).filter(
      ([name]) => !mockControlHeader(name) && !['host', 'content-length'].includes(name),
    ),
  )
}

/** The collection file recording writes to, or an error naming what to pass instead. */
function fileOf(source: CollectionSource, baseDir: string | undefined): string {
  if (typeof source !== 'string' || source.trimStart().startsWith('{')) {
    throw new PostmockError(
      'INVALID_OPTION',
      formatMessage(
        'read the record option',
        "the collection is a parsed object, and recording writes to the collection's file",
        "Pass the collection's file path (e.g. collection: './testAPI.postman_collection.json')",
      ),
      'record',
    )
  }
  return isAbsolute(source) ? source : resolve(baseDir ?? process.cwd(), source)
}

/**
 * The recorder of one routing (one test with the fixture): `'missing'` sends to the real API the page
 * requests no example answers, `'all'` also those an example answered by matching (the real answer
 * refreshes it). The page gets the real answer; the exchanges are written into the collection file by
 * {@link RouteRecorder.flush} (on unroute) through `recordIntoFile`, whose lock lets parallel
 * workers record into one file.
 */
export class RouteRecorder {
  private readonly calls = new WeakMap<Request, RecordedCall>()
  /** The calls answered by the real API, for `calls()` to show as the page saw them. */
  readonly answers = new RecordedAnswers()
  private readonly pending: Array<{ target: string; exchange: RecordedExchange }> = []
  private readonly inFlight = new Set<Promise<unknown>>()

  private constructor(
    private readonly choice: RecordingChoice,
    private readonly file: string,
    private readonly baseUrls: string[],
  ) {}

  /**
   * Reads the recording options (`POSTMOCK_RECORD` wins over `record`); `undefined` when recording
   * is off. Throws the `[postmock]` message naming the option that is wrong.
   *
   * @example
   * const recorder = RouteRecorder.start('./testAPI.json', { record: 'missing', recordTarget: 'https://api.example.com' })
   */
  static start(source: CollectionSource, options: PostmanRouteOptions): RouteRecorder | undefined {
    const choice = readRecordingOptions(options, process.env[RECORD_ENV])
    if (!choice) return undefined
    const file = fileOf(source, options.baseDir)
    const baseUrls = (options.baseUrls ?? []).map((url) => readTargetUrl('baseUrls', url))
    if (!choice.recordTarget && !baseUrls.length) throw noRecordTargetError()
    return new RouteRecorder(choice, file, baseUrls)
  }

  /** The mock's `onCall`: remembers which call answered which request. */
  readonly onCall = (call: RecordedCall, request: Request): void => {
    this.calls.set(request, call)
  }

  /**
   * After the mock answered `request` (the `Request` given to `mock.answer()`): when recording wants
   * it, sends it to the real API with `route.fetch()`, fulfills the page with the real answer and keeps
   * the exchange. `undefined`: the mock's answer stands.
   */
  async record(
    route: RouteLike,
    request: Request,
    mock: PostmanMock,
    settle: (action: () => Promise<unknown>) => Promise<void>,
  ): Promise<RecordOutcome | undefined> {
    const where = recordTargetOf(this.baseUrls, this.choice.recordTarget, request.url)
    const send = recordingDecision(
      this.choice.mode,
      this.calls.get(request),
      mock.examples,
      where,
      request.url,
    )
    if (!send) return undefined
    const what = `${request.method} ${request.url}`
    if (!where) {
      const fix = "Pass recordTarget: 'https://…' (the API behind *.mock.pstmn.io) to postmanFixtures()"
      return {
        kind: 'failed',
        report: formatMessage(`record ${what}`, 'no real API is known for this origin', fix),
      }
    }
    if (!route.fetch) {
      const fix = 'Use @playwright/test or playwright-core 1.40 or later'
      return {
        kind: 'failed',
        report: formatMessage(`record ${what}`, 'this Playwright has no route.fetch()', fix),
      }
    }
    const work = this.fetchAndKeep(route, request, where, send.replaces, settle)
    this.inFlight.add(work)
    try {
      return await work
    } finally {
      this.inFlight.delete(work)
    }
  }

  private async fetchAndKeep(
    route: RouteLike,
    request: Request,
    where: { target: string; url: string },
    replaces: RecordedExchange['replaces'],
    settle: (action: () => Promise<unknown>) => Promise<void>,
  ): Promise<RecordOutcome> {
    const sent = route.request()
    const sentHeaders = await sent.allHeaders()
    let answer: APIResponseLike
    let body: Buffer
    try {
      const headers = headersForApi(sentHeaders)
      answer = await route.fetch!({ url: where.url, maxRedirects: 0, ...(headers ? { headers } : {}) })
      body = await answer.body()
    } catch (error) {
      const reason = (error as Error).message.split('\n')[0] ?? String(error)
      return {
        kind: 'failed',
        report: formatMessage(
          `record ${request.method} ${request.url}`,
          `the real API at ${where.url} could not be reached (${reason})`,
          `Check that ${where.target} is up and reachable from the tests`,
        ),
      }
    }
    const responseHeaders = answer
      .headersArray()
      .map(({ name, value }) => [name.toLowerCase(), value] as [string, string])
    const requestHeaders = Object.entries(sentHeaders).filter(
      ([name]) => !browserHeader(name) && !mockControlHeader(name),
    )
    const requestBody = request.method === 'GET' || request.method === 'HEAD' ? null : sent.postDataBuffer()
    this.pending.push({
      target: where.target,
      exchange: {
        request: {
          method: request.method,
          url: where.url,
          headers: requestHeaders,
          body: requestBody?.toString('utf8') ?? '',
        },
        response: {
          status: answer.status(),
          statusText: answer.statusText(),
          headers: responseHeaders,
          body: body.toString('utf8'),
        },
        ...(replaces ? { replaces } : {}),
      },
    })
    const headers = toFulfillHeaders(new Headers(forwardedHeaders(responseHeaders)))
    this.answers.note(this.calls.get(request), answer.status())
    await settle(() => route.fulfill({ status: answer.status(), headers, body }))
    return { kind: 'recorded' }
  }

  /** How many answers wait to be written. */
  get size(): number {
    return this.pending.length
  }

  /**
   * Waits for the real answers still on their way, then writes the kept exchanges into the
   * collection file (one `recordIntoFile` per target: locked, re-read, merged, written atomically).
   */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.inFlight])
    const byTarget = new Map<string, RecordedExchange[]>()
    for (const { target, exchange } of this.pending.splice(0))
      byTarget.set(target, [...(byTarget.get(target) ?? []), exchange])
    for (const [target, exchanges] of byTarget)
      await recordIntoFile(this.file, exchanges, { target, redact: this.choice.redact })
  }
}
