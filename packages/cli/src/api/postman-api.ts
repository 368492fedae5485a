import { cliError } from '../cli-error.js'
import { visible } from '../output/visible.js'
import { explainStatus, type Subject } from './explain-status.js'
import { type FetchOutcome, fetchWithKey } from './fetch-with-key.js'
import { retryDelayMs } from './retry-delay.js'

export type { Subject } from './explain-status.js'

/** Postman's public API. */
export const DEFAULT_API_URL = 'https://api.getpostman.com'

/** How long one request may take before it is given up, by default. */
export const DEFAULT_TIMEOUT_MS = 30_000

/** Options of {@link createPostmanApi}. */
export interface PostmanApiOptions {
  /** A Postman API key (`PMAK-…`), sent as `X-Api-Key` to the API URL's origin only. Never logged. */
  apiKey: string
  /** The API base URL. Default {@link DEFAULT_API_URL}. */
  apiUrl?: string
  /** How long one request may take (redirects and body included). Default {@link DEFAULT_TIMEOUT_MS}. */
  timeoutMs?: number
  /** How many redirects within the API URL's origin are followed. Default 5. */
  maxRedirects?: number
  /** How many times a 429 is retried. Default 3. */
  maxRetries?: number
  /** The longest wait a 429 may ask for before we give up instead. Default 60 000 ms. */
  maxWaitMs?: number
  /** Told before each wait, e.g. to print a line. */
  onRetry?: (info: { method: string; path: string; waitMs: number; attempt: number }) => void
}

/** A thin Postman API client: requests with the key, 429 retries, one-line errors. */
export interface PostmanApi {
  readonly apiUrl: string
  get<T>(path: string, subject: Subject): Promise<T>
  /** A write (`POST`, `PUT`) with a JSON body; its answer's JSON. */
  send<T>(method: 'POST' | 'PUT', path: string, body: unknown, subject: Subject): Promise<T>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** `500 ms`, `30 s`, `1.5 s`. */
function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`
}

type Failed = Exclude<FetchOutcome, { kind: 'answer' }>

function failure(outcome: Failed, what: string, apiUrl: string, timeoutMs: number, maxRedirects: number) {
  switch (outcome.kind) {
    case 'timeout':
      return cliError(
        what,
        `the Postman API did not answer within ${duration(timeoutMs)} (${apiUrl})`,
        'Check your network and --api-url, or allow more time with --timeout <ms>',
      )
    case 'unreachable':
      return cliError(
        what,
        `could not reach the Postman API at ${apiUrl} (${visible(outcome.reason)})`,
        'Check your network, or --api-url',
      )
    case 'redirected-elsewhere':
      return cliError(
        what,
        `the Postman API at ${apiUrl} redirected to another origin, ${visible(outcome.origin)}, and postmock sends your API key to no other origin`,
        `If that server is the Postman API, pass --api-url ${visible(outcome.origin)}`,
      )
    case 'too-many-redirects':
      return cliError(
        what,
        `the Postman API at ${apiUrl} redirected more than ${maxRedirects} times`,
        'Check --api-url',
      )
  }
}

/**
 * Creates the Postman API client `pull` uses.
 *
 * @example
 * const api = createPostmanApi({ apiKey: process.env.POSTMAN_API_KEY! })
 * const { collections } = await api.get<{ collections: unknown[] }>('/collections', { kind: 'list', label: 'the collection list' })
 */
export function createPostmanApi(options: PostmanApiOptions): PostmanApi {
  const apiUrl = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxRedirects = options.maxRedirects ?? 5
  const maxRetries = options.maxRetries ?? 3
  const maxWaitMs = options.maxWaitMs ?? 60_000

  async function request<T>(method: string, path: string, about: Subject, payload?: string): Promise<T> {
    const subject = { kind: about.kind, label: visible(about.label) }
    const what = `${about.verb ?? 'fetch'} ${subject.label}`
    for (let attempt = 0; ; attempt++) {
      const outcome = await fetchWithKey(`${apiUrl}${path}`, {
        apiKey: options.apiKey,
        timeoutMs,
        maxRedirects,
        method,
        body: payload,
      })
      if (outcome.kind !== 'answer') throw failure(outcome, what, apiUrl, timeoutMs, maxRedirects)
      const { status, statusText, headers, body } = outcome
      if (status === 429) {
        const named = retryDelayMs(headers)
        const waitMs = named ?? 1000 * 2 ** attempt
        if (attempt >= maxRetries) {
          throw cliError(
            what,
            `the Postman API still answered 429 Too Many Requests after ${maxRetries} retries`,
            'Wait a minute and run the command again',
          )
        }
        if (waitMs > maxWaitMs) {
          const at = new Date(Date.now() + waitMs).toISOString()
          throw cliError(
            what,
            `the Postman API answered 429 Too Many Requests and asks to wait until ${at}`,
            'Run the command again after that time',
          )
        }
        options.onRetry?.({ method, path, waitMs, attempt: attempt + 1 })
        await sleep(waitMs)
        continue
      }
      if (status < 200 || status > 299) {
        const [reason, todo] = explainStatus(status, statusText, subject, body)
        throw cliError(what, reason, todo)
      }
      try {
        return JSON.parse(body) as T
      } catch {
        throw cliError(
          what,
          `the Postman API at ${apiUrl} answered ${status} with a body that is not JSON`,
          'Check --api-url',
        )
      }
    }
  }

  return {
    apiUrl,
    get: (path, subject) => request('GET', path, subject),
    send: (method, path, body, subject) => request(method, path, subject, JSON.stringify(body)),
  }
}
