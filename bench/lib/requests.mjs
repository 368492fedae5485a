/**
 * The requests a bench sends (built from the examples a mock loaded, as an app would call them), and
 * for each its bare msw baseline: one handler for that URL answering the same body postmock answers.
 */
import { random } from './generate.mjs'

export const MOCK_ORIGIN = 'https://bench.mock.pstmn.io'
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH'])

function encodeSegment(segment) {
  try {
    return encodeURIComponent(decodeURIComponent(segment))
  } catch {
    return encodeURIComponent(segment)
  }
}

/**
 * Up to `count` requests spread over the examples: `{{var}}` segments get a numeric value, and every
 * other request with a numeric ID asks for a different ID than the saved one (Postman's ID step).
 */
export function sampleRequests(examples, count, seed = 7) {
  const rand = random(seed)
  const seen = new Set()
  const requests = []
  const step = Math.max(1, examples.length / count)
  for (let i = 0; i < examples.length && requests.length < count; i += step) {
    const example = examples[Math.floor(i)]
    const otherId = requests.length % 2 === 1
    let kind = example.query ? 'query' : 'plain'
    const segments = example.path.split('/').map((segment) => {
      if (/^\{\{[^{}]+\}\}$/.test(segment)) {
        kind = 'wildcard'
        return String(1 + Math.floor(rand() * 99999))
      }
      if (otherId && /^\d+$/.test(segment)) {
        if (kind !== 'wildcard') kind = 'other-id'
        return String(Number(segment) + 1 + Math.floor(rand() * 50))
      }
      return encodeSegment(segment)
    })
    const url = `${MOCK_ORIGIN}${segments.join('/')}${example.query ? `?${example.query}` : ''}`
    const key = `${example.method} ${url}`
    if (seen.has(key)) continue
    seen.add(key)
    const body = BODY_METHODS.has(example.method)
      ? JSON.stringify({ name: 'bench', value: requests.length })
      : undefined
    const headers = { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) }
    requests.push({ method: example.method, url, headers, body, kind })
  }
  return requests
}

/** A fresh Fetch request for a sampled request. */
export function toRequest(sample) {
  return new Request(sample.url, { method: sample.method, headers: sample.headers, body: sample.body })
}

/**
 * Asks the mock once for each request and builds the bare baseline: a single msw handler for that
 * method and URL returning the same status and body (`HttpResponse.json` for JSON bodies).
 */
export async function withBaselines(mock, samples, msw) {
  const { http, HttpResponse, getResponse } = msw
  const out = []
  for (const sample of samples) {
    const response = await mock.respond(toRequest(sample))
    if (!response) throw new Error(`[postmock] Failed to bench ${sample.url}: the mock does not serve it.`)
    const matched = mock.calls().at(-1)?.example !== undefined
    const text = await response.text()
    const type = response.headers.get('content-type') ?? ''
    const status = response.status
    let parsed
    if (/json/.test(type) && text) {
      try {
        parsed = { value: JSON.parse(text) }
      } catch {}
    }
    const answer =
      status === 204 || status === 304 || !text
        ? () => new HttpResponse(null, { status })
        : parsed
          ? () => HttpResponse.json(parsed.value, { status })
          : () => HttpResponse.text(text, { status })
    const path = sample.url.split('?')[0]
    const method = sample.method.toLowerCase()
    const handler = (http[method] ?? http.all)(path, answer)
    const check = await getResponse([handler], toRequest(sample))
    if (
      !check ||
      (await check.text()) !== (parsed ? JSON.stringify(parsed.value) : status === 204 ? '' : text)
    ) {
      throw new Error(
        `[postmock] Failed to bench ${sample.method} ${sample.url}: the bare handler does not answer it.`,
      )
    }
    out.push({ ...sample, status, matched, bytes: text.length, baseline: [handler] })
  }
  return out
}
