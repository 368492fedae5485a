import type { PostmanAnswer } from '../glossary.js'

/** The content type Fetch gives a string body sent without one (`new Response('')`). */
const FETCH_TEXT_TYPE = 'text/plain;charset=UTF-8'

/**
 * The parts of an answer, checked once: a string body without a content type gets the one
 * `new Response(string)` would add, so an answer written by hand and its `Response` carry the same bytes.
 *
 * @example
 * plainAnswer(204, '', new Headers({ 'access-control-allow-origin': '*' }), null)
 */
export function plainAnswer(
  status: number,
  statusText: string,
  headers: Headers,
  body: string | null,
): PostmanAnswer {
  if (body !== null && !headers.has('content-type')) headers.set('content-type', FETCH_TEXT_TYPE)
  return { status, statusText, headers, body }
}

/**
 * The Fetch `Response` of an answer: the one place `respond()` and the MSW handlers build it.
 *
 * @example
 * const response = toResponse(await mock.answer(request))
 */
export function toResponse(answer: PostmanAnswer): Response {
  return new Response(answer.body, {
    status: answer.status,
    statusText: answer.statusText,
    headers: answer.headers,
  })
}
