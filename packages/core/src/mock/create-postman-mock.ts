import type { RequestHandler } from 'msw'
import type { Example } from '../collection/example.js'
import type {
  Explanation,
  MockOverride,
  PostmanAnswer,
  PostmanMock,
  PostmanMockOptions,
  RecordedCall,
  VerifyOptions,
  VerifyResult,
} from '../glossary.js'
import { type IncomingRequest, readIncoming } from '../matching/incoming.js'
import { type MatchOutcome, match, type Selector } from '../matching/match.js'
import { postmockError, printWarning } from '../messages.js'
import { resolveDelay, sleep } from '../render/delay.js'
import { faultResponse, withFault } from '../render/fault.js'
import {
  authenticationErrorResponse,
  limitResponse,
  mockNotFoundResponse,
  notFoundResponse,
  serverResponseAnswer,
} from '../render/postman-errors.js'
import { createRandom } from '../render/random.js'
import { buildResponse, preflightResponse } from '../render/response.js'
import { addServerHeaders } from '../render/server-headers.js'
import { renderTemplate } from '../render/template.js'
import { CallLog } from './call-log.js'
import { configMockOptions, isPostmockConfig, type PostmockConfig } from './config.js'
import { explainMatch, unservedReport } from './explain.js'
import { createHandlers } from './handlers.js'
import { type OverrideChoice, Overrides } from './overrides.js'
import { type Route, Router } from './router.js'
import { buildSite, type Site } from './site.js'
import { UsageLimits } from './usage-limits.js'

type DynamicGenerator = (name: string) => string | undefined

function headerSelector(headers: Headers): Selector | undefined {
  const code = headers.get('x-mock-response-code')
  const id = headers.get('x-mock-response-id')
  const name = headers.get('x-mock-response-name')
  const parsedCode = code !== null && /^\s*\d+\s*$/.test(code) ? Number(code) : undefined
  if (parsedCode === undefined && id === null && name === null) return undefined
  return { code: parsedCode, id: id?.trim() ?? undefined, name: name ?? undefined, via: 'header' }
}

/** What happens to each recorded call: how many `calls()` keeps, and who is told. */
interface CallRecording {
  callLog: number | undefined
  onCall: PostmanMockOptions['onCall']
}

function callRecording(options: PostmanMockOptions): CallRecording {
  const { callLog, onCall } = options
  if (callLog !== undefined && !(Number.isInteger(callLog) && callLog >= 0)) {
    throw postmockError(
      'INVALID_OPTION',
      'read the options',
      `option "callLog": expected a whole number of calls (0 or more), got ${JSON.stringify(callLog)}`,
      'Pass e.g. 1000, 0, or leave it out to keep every call',
      'callLog',
    )
  }
  if (onCall !== undefined && typeof onCall !== 'function') {
    throw postmockError(
      'INVALID_OPTION',
      'read the options',
      `option "onCall": expected a function, got ${typeof onCall}`,
      'Pass (call, request) => …, or leave it out',
      'onCall',
    )
  }
  return { callLog, onCall }
}

/**
 * What a call's record says of its delivery: the status the client saw (`0` when no answer reached it:
 * a network error, a timeout, a reset before the headers), the fault, and the sequence step.
 */
function deliveryOf(
  answer: PostmanAnswer,
  delivery: OverrideChoice['delivery'] | undefined,
): Pick<RecordedCall, 'status' | 'fault' | 'step'> {
  const { fault } = answer
  const unanswered = fault === 'network-error' || fault === 'timeout' || (fault === 'reset' && !answer.body)
  return {
    status: unanswered ? 0 : answer.status,
    ...(fault ? { fault } : {}),
    ...(delivery?.step === undefined ? {} : { step: delivery.step }),
  }
}

class Mock implements PostmanMock {
  readonly examples
  readonly warnings
  private readonly log: CallLog
  private readonly overrides: Overrides
  private readonly router: Router
  private readonly limits = new Map<Site, UsageLimits>()
  private readonly traceRandom = createRandom()
  private dynamic: Promise<DynamicGenerator> | undefined
  private handlerList: RequestHandler[] | undefined

  constructor(
    private readonly sites: Site[],
    private readonly seed: number | undefined,
    private readonly recording: CallRecording,
  ) {
    this.log = new CallLog(recording.callLog)
    this.examples = sites.flatMap((site) => site.examples.map((example) => example.info))
    this.warnings = sites.flatMap((site) => site.warnings)
    this.overrides = new Overrides(sites)
    this.router = new Router(sites)
  }

  /** Created on first use: a caller that answers through `respond()` never pays for them. */
  get handlers(): RequestHandler[] {
    // MSW gives each resolver its own copy of the request: its body may be read without a clone.
    this.handlerList ??= createHandlers(this.sites, async (request) => {
      const answer = await this.produce(request, true)
      return answer && faultResponse(answer, request)
    })
    return this.handlerList
  }

  serves(url: string | URL): boolean {
    try {
      return this.router.route(typeof url === 'string' ? new URL(url) : url) !== undefined
    } catch {
      return false
    }
  }

  get origins(): string[] {
    return this.router.origins()
  }

  /** The control headers' choice, else the newest applicable override's (which counts the call). */
  private choiceFor(route: Route, incoming: IncomingRequest): Partial<OverrideChoice> {
    const selector = headerSelector(incoming.headers)
    return selector ? { selector } : (this.overrides.choiceFor(route.site, incoming) ?? {})
  }

  private generator(): Promise<DynamicGenerator> {
    if (!this.dynamic) {
      const names = new Set(this.sites.flatMap((site) => [...site.dynamicNames()]))
      // The generators (118 of them, with their word lists) load with the first answer that uses one.
      this.dynamic = import('../render/dynamic-variables.js').then(({ prepareDynamicVariables }) =>
        prepareDynamicVariables(names, { random: createRandom(this.seed), seed: this.seed }),
      )
    }
    return this.dynamic
  }

  private async render(
    site: Site,
    example: Example,
    outcome: Extract<MatchOutcome, { kind: 'matched' }>,
    incoming: IncomingRequest,
  ): Promise<{ answer: PostmanAnswer; body: string }> {
    const { body, headers } = example.response
    const coerce = site.options.coerceUnknownStatusTo200
    if (!example.response.templated) {
      return { answer: buildResponse(example, undefined, incoming.method, coerce), body }
    }
    const dynamic = await this.generator()
    const context = { incoming, captures: outcome.captures, dynamic }
    const rendered = renderTemplate(body, context)
    const parts = {
      body: rendered,
      headers: headers.map(([name, value]): [string, string] => [name, renderTemplate(value, context)]),
    }
    return { answer: buildResponse(example, parts, incoming.method, coerce), body: rendered }
  }

  async respond(request: Request): Promise<Response | undefined> {
    const answer = await this.produce(request, false)
    return answer && faultResponse(answer, request)
  }

  answer(request: Request): Promise<PostmanAnswer | undefined> {
    return this.produce(request, false)
  }

  private async produce(request: Request, owned: boolean): Promise<PostmanAnswer | undefined> {
    const url = new URL(request.url)
    const route = this.router.route(url)
    if (!route) return undefined
    const { site } = route
    const record = (call: Omit<RecordedCall, 'method' | 'url'>, example?: Example) => {
      const recorded: RecordedCall = { method: request.method.toUpperCase(), url: request.url, ...call }
      // A call that failed before any answer (a network error, a timeout) served no example.
      this.log.record(recorded, recorded.status === 0 ? undefined : example)
      this.recording.onCall?.(recorded, request)
    }

    const { options } = site
    if (site.private) {
      const key = request.headers.get('x-api-key')
      if (!key || (site.apiKeys !== undefined && !site.apiKeys.has(key))) {
        const denied =
          options.privateAuthError === 'mockNotFoundError'
            ? mockNotFoundResponse()
            : authenticationErrorResponse(!!key)
        record({ request: undefined, example: undefined, status: denied.status, via: 'auth' })
        return denied
      }
    }
    const verdict = this.limitsOf(site).check()
    if (!verdict.allowed) {
      const limited = limitResponse(
        verdict.error,
        verdict.error === 'rateLimitError' ? verdict.retryAfter : undefined,
      )
      record({ request: undefined, example: undefined, status: 429, via: 'limit' })
      return limited
    }
    if (options.serverResponse) {
      const answer = serverResponseAnswer(options.serverResponse)
      record({ request: undefined, example: undefined, status: answer.status, via: 'server-response' })
      return answer
    }
    const readsBody =
      site.index.method(request.method.toUpperCase())?.readsBody === true ||
      site.settings.matchBody ||
      request.headers.has('x-mock-match-request-body')
    const incoming = await readIncoming(request, url, route.basePath, { read: readsBody, owned })
    const { selector, delivery } = this.choiceFor(route, incoming)
    const outcome = match(site.index, incoming, site.settings, selector)
    const delay = resolveDelay(delivery?.delay ?? site.delay, request.headers.get('x-mock-response-delay'))
    const deliver = delivery?.fault
      ? (answer: PostmanAnswer) => withFault(answer, delivery.fault!, delivery.after)
      : (answer: PostmanAnswer) => answer
    if (outcome.kind === 'not-found') {
      if (incoming.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
        return preflightResponse(request)
      }
      const answer = deliver(notFoundResponse(site.examples.length > 0))
      record({ request: undefined, example: undefined, via: 'not-found', ...deliveryOf(answer, delivery) })
      await sleep(delay, request.signal)
      return answer
    }
    const { example } = outcome
    const rendered = await this.render(site, example, outcome, incoming)
    if (options.serverHeaders) {
      addServerHeaders(rendered.answer, rendered.body, this.traceRandom.next, this.limitsOf(site).window())
    }
    const answer = deliver(rendered.answer)
    const delivered = deliveryOf(answer, delivery)
    record(
      {
        request: example.info.request,
        example:
          delivered.status === 0
            ? undefined
            : {
                name: example.info.name,
                id: example.info.id,
                code: example.response.code,
                location: example.info.location,
              },
        via: selector?.via === 'override' ? 'override' : outcome.via,
        ...delivered,
      },
      example,
    )
    await sleep(delay, request.signal)
    return answer
  }

  async explain(request: Request): Promise<Explanation> {
    const url = new URL(request.url)
    const route = this.router.route(url)
    const method = request.method.toUpperCase()
    if (!route) {
      return {
        method,
        url: request.url,
        served: false,
        winner: undefined,
        candidates: [],
        report: unservedReport(method, request.url, this.router.origins()),
      }
    }
    const incoming = await readIncoming(request, url, route.basePath)
    const selector =
      headerSelector(incoming.headers) ?? this.overrides.choiceFor(route.site, incoming, false)?.selector
    const outcome = match(route.site.index, incoming, route.site.settings, selector)
    return explainMatch(route.site, incoming, outcome, selector)
  }

  async verify(request: Request, response: Response, options?: VerifyOptions): Promise<VerifyResult> {
    const method = request.method.toUpperCase()
    // The example explain() names: chosen with no call recorded and no `once` override used up.
    const { served, winner } = await this.explain(request)
    const example = winner && this.sites.flatMap((site) => site.examples).find((e) => e.info === winner)
    // Loaded on first use: a browser bundle that never verifies does not carry the comparison.
    const { noExampleResult, verifyResponse } = await import('../verify/verify-response.js')
    if (example) return verifyResponse(example, method, response, options)
    const why = served
      ? 'matching finds no example (explain() says why)'
      : `its origin is not served (${this.origins.join(', ')})`
    return noExampleResult(method, request.url, why)
  }

  use(...overrides: MockOverride[]): () => void {
    return this.overrides.add(overrides)
  }

  calls(filter?: Parameters<PostmanMock['calls']>[0]): RecordedCall[] {
    return this.log.list(filter)
  }

  unused() {
    return this.log.unused(this.sites.flatMap((site) => site.examples))
  }

  /** Each site's call limits (a mock and each of its forks count their own calls). */
  private limitsOf(site: Site): UsageLimits {
    let limits = this.limits.get(site)
    if (!limits) {
      limits = new UsageLimits(site.options.limits)
      this.limits.set(site, limits)
    }
    return limits
  }

  fork(): PostmanMock {
    return new Mock(this.sites, this.seed, this.recording)
  }

  reset(): void {
    for (const limits of this.limits.values()) limits.reset()
    this.overrides.clear()
    this.log.clear()
    this.dynamic = undefined
  }
}

/**
 * Turns a Postman collection (parsed, or its JSON text) into an in-process mock that answers like
 * `https://<mockId>.mock.pstmn.io`: MSW handlers, a `respond()` pipeline, and per-test controls.
 * A `postmock.config.json` (as `postmock pull --mock` writes it, loaded by `loadPostmockConfig()`)
 * serves each of its mocks on its own mock host.
 *
 * @example
 * import { setupServer } from 'msw/node'
 * import collection from './testAPI.postman_collection.json'
 * import environment from './testAPIEnv.postman_environment.json'
 *
 * const postman = createPostmanMock(collection, { environment, baseUrls: ['https://api.example.com'] })
 * const server = setupServer(...postman.handlers)
 * server.listen()
 * postman.use({ request: 'Get user', code: 401 })
 * await fetch('https://abc123.mock.pstmn.io/users/1') // → 401 "Unauthorized" example
 */
export function createPostmanMock(collection: unknown, options: PostmanMockOptions = {}): PostmanMock {
  if (options === null || typeof options !== 'object') {
    throw postmockError(
      'INVALID_OPTION',
      'read the options',
      `expected an options object, got ${options}`,
      'Pass {} or leave it out',
    )
  }
  const sites = isPostmockConfig(collection)
    ? (collection as PostmockConfig).mocks.map((mock, i) => {
        const mockOptions = configMockOptions(mock, i, options)
        return buildSite(mock.collection, mockOptions)
      })
    : [buildSite(collection, options)]
  const onWarning = options.onWarning ?? printWarning
  for (const site of sites) for (const warning of site.warnings) onWarning(warning)
  return new Mock(sites, options.seed, callRecording(options))
}
