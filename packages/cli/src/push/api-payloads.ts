import { rawUrl } from './collection-tree.js'
import { pairs } from './example-form.js'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

const keyValues = (list: unknown) => pairs(list).map(([key, value]) => ({ key, value }))

/** A saved request's body in the Collection Items API's fields (`dataMode`, `rawModeData`, …). */
function bodyFields(body: unknown): Json {
  if (!isObject(body) || body.disabled === true) return {}
  if (body.mode === 'raw' && typeof body.raw === 'string') {
    const options = isObject(body.options) ? { dataOptions: body.options } : {}
    return { dataMode: 'raw', rawModeData: body.raw, ...options }
  }
  if (body.mode === 'urlencoded' || body.mode === 'formdata') {
    return { dataMode: body.mode, data: keyValues(body[body.mode]) }
  }
  return {}
}

/** The request of an item (or of an example's `originalRequest`) in the Collection Items API's form. */
function requestFields(request: unknown): Json {
  const saved = isObject(request) ? request : { url: request }
  return {
    method: typeof saved.method === 'string' ? saved.method.toUpperCase() : 'GET',
    url: rawUrl(saved.url),
    ...bodyFields(saved.body),
  }
}

/**
 * The body of `POST /collections/{id}/responses?request={requestId}` and
 * `PUT /collections/{id}/responses/{responseId}` for a v2.1 example (the Collection Items API's
 * response model: `responseCode`, `headers`, `text`, and the saved request as `requestObject`).
 *
 * @example
 * responsePayload({ name: 'OK', code: 200, status: 'OK', header: [], body: '{}' })
 */
export function responsePayload(example: Json): Json {
  const original = isObject(example.originalRequest) ? example.originalRequest : {}
  const request = requestFields(original)
  const status = typeof example.status === 'string' ? example.status : ''
  return {
    name: typeof example.name === 'string' ? example.name : '',
    responseCode: { code: Number(example.code), name: status },
    status,
    headers: keyValues(example.header),
    text: typeof example.body === 'string' ? example.body : '',
    ...(typeof example._postman_previewlanguage === 'string'
      ? { language: example._postman_previewlanguage }
      : {}),
    ...request,
    requestObject: JSON.stringify({ ...request, headers: keyValues(original.header) }),
  }
}

/**
 * The body of `POST /collections/{id}/requests` for a v2.1 request item (`headerData`, not
 * `headers`, in this endpoint).
 *
 * @example
 * requestPayload({ name: 'Get user', request: { method: 'GET', url: '{{baseUrl}}/users/1' } })
 */
export function requestPayload(item: Json): Json {
  const request = isObject(item.request) ? item.request : { url: item.request }
  return {
    name: typeof item.name === 'string' ? item.name : '',
    ...requestFields(request),
    headerData: keyValues(request.header),
  }
}
