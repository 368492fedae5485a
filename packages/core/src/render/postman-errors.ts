/** The error answers Postman's mock servers send (spec §3.9 and §5). */

const JSON_TYPE = 'application/json; charset=utf-8'

function errorResponse(status: number, error: Record<string, string>): Response {
  return new Response(JSON.stringify({ error }), {
    status,
    headers: { 'content-type': JSON_TYPE, 'access-control-allow-origin': '*' },
  })
}

/** 404 `mockRequestNotFoundError`; the "You need an example" variant when the collection has none. */
export function notFoundResponse(collectionHasExamples: boolean): Response {
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

/** 401 for a private mock called without a valid `x-api-key`. */
export function authenticationErrorResponse(keyPresent: boolean): Response {
  return errorResponse(401, {
    name: 'AuthenticationError',
    message: keyPresent
      ? 'Invalid API Key. Every request requires a valid API Key to be sent.'
      : 'API Key missing. Every request requires an API Key to be sent.',
  })
}
