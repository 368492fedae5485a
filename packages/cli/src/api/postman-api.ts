import { cliError } from '../cli-error.js'
import { retryDelayMs } from './retry-delay.js'

/** Postman's public API. */
export const DEFAULT_API_URL = 'https://api.getpostman.com'

/** Options of {@link createPostmanApi}. */
export interface PostmanApiOptions {
  /** A Postman API key (`PMAK-…`), sent as `X-Api-Key`. Never logged. */
  apiKey: string
  /** The API base URL. Default {@link DEFAULT_API_URL}. */
  apiUrl?: string
  /** How many times a 429 is retried. Default 3. */
  maxRetries?: number
  /** The longest wait a 429 may ask for before we give up instead. Default 60 000 ms. */
  maxWaitMs?: number
  /** Told before each wait, e.g. to print a line. */
  onRetry?: (info: { path: string; waitMs: number; attempt: number }) => void
}

/** What one GET is about, for error messages: `collection "testAPI"`, `the collection list`. */
export interface Subject {
  kind: 'collection' | 'environment' | 'mock' | 'list'
  label: string
}

/** A thin Postman API client: GET with the key, 429 retries, one-line errors. */
export interface PostmanApi {
  readonly apiUrl: string
  get<T>(path: string, subject: Subject): Promise<T>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function explainStatus(status: number, statusText: string, subject: Subject, body: string): [string, string] {
  const apiMessage = apiErrorMessage(body)
  const said = apiMessage ? ` ("${apiMessage}")` : ''
  switch (status) {
    case 401:
      return [
        `the Postman API answered 401 Unauthorized${said}: the API key is missing, invalid or expired`,
        'Pass a valid key with --api-key or POSTMAN_API_KEY (Postman: Settings > API keys)',
      ]
    case 403:
      return [
        `the Postman API answered 403 Forbidden${said}: this key's user may not read ${subject.label}`,
        'Ask its owner to share it with you, or use the key of a member of its workspace',
      ]
    case 404:
      return [
        `the Postman API answered 404 Not Found${said}: no ${subject.label} is visible to this key`,
        subject.kind === 'mock'
          ? 'Check the mock id (the first label of https://<mockId>.mock.pstmn.io)'
          : `Check the uid, or pass the ${subject.kind}'s name instead`,
      ]
    default:
      return [
        `the Postman API answered ${status} ${statusText}${said}`,
        status >= 500 ? 'Try again in a minute' : 'Check the arguments',
      ]
  }
}

function apiErrorMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } }
    const message = parsed?.error?.message
    return typeof message === 'string' ? message.replace(/[.\s]+$/, '') : undefined
  } catch {
    return undefined
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
  const maxRetries = options.maxRetries ?? 3
  const maxWaitMs = options.maxWaitMs ?? 60_000

  async function get<T>(path: string, subject: Subject): Promise<T> {
    const url = `${apiUrl}${path}`
    const what = `fetch ${subject.label}`
    for (let attempt = 0; ; attempt++) {
      let response: Response
      try {
        response = await fetch(url, { headers: { 'X-Api-Key': options.apiKey, accept: 'application/json' } })
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause
        const reason = cause?.code ?? cause?.message ?? (error as Error).message
        throw cliError(
          what,
          `could not reach the Postman API at ${apiUrl} (${reason})`,
          'Check your network, or --api-url',
        )
      }
      const body = await response.text()
      if (response.status === 429) {
        const named = retryDelayMs(response.headers)
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
        options.onRetry?.({ path, waitMs, attempt: attempt + 1 })
        await sleep(waitMs)
        continue
      }
      if (!response.ok) {
        const [reason, todo] = explainStatus(response.status, response.statusText, subject, body)
        throw cliError(what, reason, todo)
      }
      try {
        return JSON.parse(body) as T
      } catch {
        throw cliError(
          what,
          `the Postman API at ${apiUrl} answered ${response.status} with a body that is not JSON`,
          'Check --api-url',
        )
      }
    }
  }

  return { apiUrl, get }
}
