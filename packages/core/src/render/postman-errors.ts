/** The error answers Postman's mock servers send (spec §3.9 and §5). */

import type { PostmanAnswer } from '../glossary.js'
import { plainAnswer } from './answer.js'

const JSON_TYPE = 'application/json; charset=utf-8'

/** An active server response (spec §4.7): the same 5xx answer for every call. */
export function serverResponseAnswer(answer: {
  statusCode: number
  headers?: Array<{ key: string; value: string }>
  body?: string
}): PostmanAnswer {
  const headers = new Headers({ 'access-control-allow-origin': '*' })
  for (const { key, value } of answer.headers ?? []) {
    try {
      headers.set(key, value)
    } catch {
      // not a header HTTP can carry
    }
  }
  if (!headers.has('content-type')) headers.set('content-type', JSON_TYPE)
  return plainAnswer(answer.statusCode, '', headers, answer.body ?? '')
}

function errorResponse(status: number, error: Record<string, string>): PostmanAnswer {
  return plainAnswer(
    status,
    '',
    new Headers({ 'content-type': JSON_TYPE, 'access-control-allow-origin': '*' }),
    JSON.stringify({ error }),
  )
}

/** 404 `mockRequestNotFoundError`; the "You need an example" variant when the collection has none. */
export function notFoundResponse(collectionHasExamples: boolean): PostmanAnswer {
  return errorResponse(
    404,
    collectionHasExamples
      ? {
          name: 'mockRequestNotFoundError',
          message: 'Double check your method and the request path and try again.',
          header: 'No matching requests',
        }
      : {
          name: 'mockRequestNotFoundError',
          message: 'To mock this request add an example response for the mock server to return.',
          header: 'You need an example',
        },
  )
}

/** 429 when a call limit is reached (spec §5): `rateLimitError` names when to retry (epoch seconds). */
export function limitResponse(
  error: 'rateLimitError' | 'usageLimitError',
  retryAfter?: number,
): PostmanAnswer {
  return errorResponse(
    429,
    error === 'rateLimitError'
      ? { name: 'rateLimitError', message: `Rate limit exceeded. Retry after ${retryAfter}` }
      : { name: 'usageLimitError', message: 'Usage limit reached. Contact your team admin.' },
  )
}

/** The answer Postman gave (in 2020) for a private mock called with the key in the query string. */
export function mockNotFoundResponse(): PostmanAnswer {
  return errorResponse(404, { name: 'mockNotFoundError', message: 'Please refresh and try again.' })
}

/** 401 for a private mock called without a valid `x-api-key`. */
export function authenticationErrorResponse(keyPresent: boolean): PostmanAnswer {
  return errorResponse(401, {
    name: 'AuthenticationError',
    message: keyPresent
      ? 'Invalid API Key. Every request requires a valid API Key to be sent.'
      : 'API Key missing. Every request requires an API Key to be sent.',
  })
}
