import type { MockScope, PostmanMock } from '@postmock/core'
import { faultError } from './fault-errors.js'
import { authorityOf } from './interception/authority.js'
import type { ConnectionTarget, HttpVerdict, InterceptionPolicy } from './interception/glossary.js'
import { isLoopbackHost } from './interception/loopback.js'
import { isPassthrough, isPassthroughTarget, type SetupPostmanMocksOptions } from './options.js'
import type { Recorder } from './recording/recorder.js'
import { connectionRefusal, isWebSocketUpgrade, refusalError, requestRefusal } from './refusals.js'
import type { Runtime } from './runtime.js'
import type { UserHandlers } from './user-handlers.js'

/** What the policy reads from the session. */
export interface PolicyContext {
  runtime: Runtime
  options: SetupPostmanMocksOptions
  userHandlers: UserHandlers
  /** The scope of the running test (or the shared one). */
  scope(): MockScope | undefined
  /** Records a report that fails the scope's test (or is printed, with `onUnmatched: 'warn'`). */
  flag(set: MockScope, report: Promise<string>): void
  /** With `record`: answers served origins from the real API where the mode says so (see recording/). */
  recorder?: Recorder
}

const PASSTHROUGH: HttpVerdict = { kind: 'passthrough' }

/** Whether the mock's newest calls show this request answered with Postman's not-found 404 (no fault asked for). */
function isNotFound(mock: PostmanMock, request: Request): boolean {
  const calls = mock.calls({ status: 404, method: request.method })
  const href = new URL(request.url).href
  for (let i = calls.length - 1; i >= 0; i--) {
    const call = calls[i]!
    if (new URL(call.url).href === href) return call.via === 'not-found' && call.fault === undefined
  }
  return false
}

/**
 * The session's answers to the interception layer: the user's msw handlers first, then the collection
 * serving the request's origin; anything else is refused with a report, unless `passthrough` or
 * `onUnmatched: 'bypass'` lets it through. Below HTTP, loopback is allowed (unless
 * `loopbackSockets: 'refuse'`), every other host is refused.
 */
export function createPolicy(context: PolicyContext): InterceptionPolicy {
  const { runtime, options, userHandlers } = context
  const bypass = options.onUnmatched === 'bypass'
  /** An answer, or the network error it stands for (`Response.error()`: a fault, or msw's `HttpResponse.error()`). */
  const answered = (request: Request, response: Response): HttpVerdict =>
    response.type === 'error'
      ? { kind: 'fail', error: faultError(runtime.core.faultOf(response), request) }
      : { kind: 'respond', response }

  const answer = async (set: MockScope, mock: PostmanMock, request: Request) => {
    // The body is read by matching; the report for a 404 needs the request again.
    const copy = bypass ? undefined : request.body ? request.clone() : request
    const response = await mock.respond(request)
    if (copy && response?.status === 404 && isNotFound(mock, copy)) {
      context.flag(
        set,
        mock.explain(copy).then((explanation) => explanation.report),
      )
    }
    return response
  }

  return {
    async request(request) {
      const set = context.scope()
      const own = await userHandlers.respond(request)
      if (own) return answered(request, own)
      const mock = isWebSocketUpgrade(request) ? undefined : set?.serving(request.url)
      if (set && mock && context.recorder) {
        const recorded = await context.recorder.respond(mock, set.mocks.indexOf(mock), request)
        if (recorded?.kind === 'respond') return answered(request, recorded.response)
        if (recorded) {
          context.flag(set, Promise.resolve(recorded.report))
          return { kind: 'refuse', error: refusalError(recorded.report) }
        }
      }
      const response = set && mock && !context.recorder ? await answer(set, mock, request) : undefined
      if (response) return answered(request, response)
      if (bypass || isPassthrough(request.url, options.passthrough)) return PASSTHROUGH
      const report = requestRefusal(runtime, set, request)
      if (set) context.flag(set, Promise.resolve(report))
      return { kind: 'refuse', error: refusalError(report) }
    },

    connection(target: ConnectionTarget) {
      if (bypass || isPassthroughTarget(target, options.passthrough)) return 'allow'
      const loopback = isLoopbackHost(target.host)
      if (loopback && options.loopbackSockets !== 'refuse') return 'allow'
      const set = context.scope()
      const origin = `${target.tls ? 'https' : 'http'}://${authorityOf(target)}/`
      return {
        kind: 'guard',
        refuseSilence: set?.serving(origin) === undefined,
        refuse: () => {
          const report = connectionRefusal(runtime, target, loopback)
          if (set) context.flag(set, Promise.resolve(report))
          return refusalError(report)
        },
      }
    },
  }
}
