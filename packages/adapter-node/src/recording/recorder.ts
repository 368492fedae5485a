/** Recording in a session: which requests go to the real API, their answers kept until the run ends. */
import type { PostmanMock, RecordedAnswers, RecordedCall, RecordedExchange } from '@postmock/core'
import type { Runtime } from '../runtime.js'
import type { RecordingSettings } from './record-options.js'
import { type RealAnswer, sendToTarget } from './send-to-target.js'

/** What the recorder did with a request: an answer for the app, or a refusal to report. */
export type RecorderVerdict = { kind: 'respond'; response: Response } | { kind: 'refuse'; report: string }

/** The recorder of a session. */
export interface Recorder {
  readonly settings: RecordingSettings
  /** The calls answered by the real API, for `calls()` to show as the app saw them. */
  readonly answers: RecordedAnswers
  /**
   * Answers a request to an origin `mock` (the session's `index`-th source) serves: from the mock, or —
   * when the mode says so — from the real API, keeping the exchange for {@link Recorder.flush}.
   */
  respond(mock: PostmanMock, index: number, request: Request): Promise<RecorderVerdict | undefined>
  /** Writes the kept exchanges into their collection files (`afterAll`), then forgets them. */
  flush(): Promise<void>
}

const NULL_BODY = new Set([101, 103, 204, 205, 304])

/** The newest call the mock recorded for this request. */
function lastCall(mock: PostmanMock, request: Request): RecordedCall | undefined {
  const calls = mock.calls({ method: request.method })
  const href = new URL(request.url).href
  for (let i = calls.length - 1; i >= 0; i--) if (new URL(calls[i]!.url).href === href) return calls[i]
  return undefined
}

function toResponse(runtime: Runtime, answer: RealAnswer, method: string): Response {
  const headers = new Headers(runtime.core.forwardedHeaders(answer.headers))
  const empty = NULL_BODY.has(answer.status) || method === 'HEAD'
  return new Response(empty ? null : new Uint8Array(answer.body), {
    status: answer.status,
    statusText: answer.statusText,
    headers,
  })
}

/**
 * Creates the recorder: `'missing'` sends to the real API the requests no example answers (Postman's
 * not-found 404); `'all'` sends every request the collection would answer by matching (or not at all),
 * and the real answer refreshes the example that matched. Requests answered by a `use()` override, an
 * `x-mock-response-*` header, a private mock's key check, a server response or a call limit keep the
 * mock's answer: they ask for a chosen example, not the API's.
 *
 * @example
 * const recorder = createRecorder(runtime, settings)
 * const verdict = await recorder.respond(mock, 0, request)
 * // afterAll:
 * await recorder.flush()
 */
export function createRecorder(runtime: Runtime, settings: RecordingSettings): Recorder {
  const pending = settings.sources.map(() => [] as Array<{ target: string; exchange: RecordedExchange }>)

  const fromApi = async (index: number, request: Request, replaces: RecordedExchange['replaces']) => {
    const source = settings.sources[index]!
    const where = runtime.core.recordTargetOf(source.baseUrls, settings.recordTarget, request.url)
    const what = `${request.method} ${request.url}`
    if (!where) {
      return {
        kind: 'refuse',
        report: runtime.core.formatMessage(
          `record ${what}`,
          'no real API is known for this origin',
          "Pass recordTarget: 'https://…' (the API behind *.mock.pstmn.io) to setupPostmanMocks()",
        ),
      } as const
    }
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined
    let answer: RealAnswer
    try {
      answer = await sendToTarget(request, where.url, body)
    } catch (error) {
      if (request.signal.aborted) throw error
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
      return {
        kind: 'refuse',
        report: runtime.core.formatMessage(
          `record ${what}`,
          `the real API at ${where.url} could not be reached (${reason})`,
          `Check that ${where.target} is up and reachable from the tests`,
        ),
      } as const
    }
    const headers: Array<[string, string]> = []
    request.headers.forEach((value, name) => {
      headers.push([name, value])
    })
    pending[index]!.push({
      target: where.target,
      exchange: {
        request: { method: request.method, url: where.url, headers, body: body?.toString('utf8') ?? '' },
        response: {
          status: answer.status,
          statusText: answer.statusText,
          headers: answer.headers,
          body: answer.body.toString('utf8'),
        },
        ...(replaces ? { replaces } : {}),
      },
    })
    return { kind: 'respond', response: toResponse(runtime, answer, request.method) } as const
  }

  const answers = new runtime.core.RecordedAnswers()
  return {
    settings,
    answers,
    async respond(mock, index, request) {
      const copy = request.clone()
      const response = await mock.respond(request)
      const call = lastCall(mock, copy)
      const where = runtime.core.recordTargetOf(
        settings.sources[index]!.baseUrls,
        settings.recordTarget,
        copy.url,
      )
      const send = runtime.core.recordingDecision(settings.mode, call, mock.examples, where, copy.url)
      if (send) {
        const verdict = await fromApi(index, copy, send.replaces)
        if (verdict.kind === 'respond') answers.note(call, verdict.response.status)
        return verdict
      }
      return response ? { kind: 'respond', response } : undefined
    },
    async flush() {
      const { recordIntoFile } = runtime.coreNode
      for (const [index, list] of pending.entries()) {
        if (!list.length) continue
        const source = settings.sources[index]!
        const byTarget = new Map<string, RecordedExchange[]>()
        for (const { target, exchange } of list)
          byTarget.set(target, [...(byTarget.get(target) ?? []), exchange])
        list.length = 0
        for (const [target, exchanges] of byTarget)
          await recordIntoFile(source.file, exchanges, { target, redact: settings.redact })
      }
    },
  }
}
