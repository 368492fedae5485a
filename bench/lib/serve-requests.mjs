/**
 * The requests the serve bench sends, the same to both servers: those both answer with the same
 * status. The peer resolves no {{variables}} and answers 500 to a saved query parameter without a
 * value, so requests come from what it can answer:
 * - testAPI: `GET /users/1` chosen by the control headers (`x-mock-response-code`, `-name`), which both
 *   servers read;
 * - box-platform: every saved request whose path has no `:variable` or `{{variable}}` and whose saved
 *   query values are all set, with its saved query (and a JSON body for POST/PUT/PATCH). postmock
 *   resolves the collection's `{{baseUrl}}` (https://api.box.com/2.0) into the path, the peer ignores
 *   it: serve gets an environment setting `baseUrl` to https://api.box.com, so both see the same paths.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './modules.mjs'

const TEST_API = join(ROOT, 'examples/testAPI.postman_collection.json')
const TEST_API_ENV = join(ROOT, 'examples/testAPIEnv.postman_environment.json')
const BOX = join(ROOT, 'test/fixtures/collections/box-platform.postman_collection.json')

function boxCandidates() {
  const collection = JSON.parse(readFileSync(BOX, 'utf8'))
  const saved = []
  const walk = (items) => {
    for (const item of items) {
      if (item.item) walk(item.item)
      else
        for (const response of item.response ?? []) {
          const url = response.originalRequest?.url
          if (url && typeof url === 'object') saved.push({ method: response.originalRequest.method, url })
        }
    }
  }
  walk(collection.item)
  const seen = new Set()
  const requests = []
  for (const { method, url } of saved) {
    const segments = url.path ?? []
    if (segments.some((segment) => segment.startsWith(':') || segment.includes('{{'))) continue
    const query = (url.query ?? []).filter((parameter) => !parameter.disabled)
    if (query.some((parameter) => !parameter.value)) continue
    const search = query.map((p) => `${encodeURIComponent(p.key)}=${encodeURIComponent(p.value)}`).join('&')
    const path = `/${segments.map(encodeURIComponent).join('/')}${search ? `?${search}` : ''}`
    if (seen.has(`${method} ${path}`)) continue
    seen.add(`${method} ${path}`)
    const body = ['POST', 'PUT', 'PATCH'].includes(method) ? '{"name":"bench"}' : undefined
    requests.push({ method, path, headers: body ? { 'content-type': 'application/json' } : {}, body })
  }
  return requests
}

/** The two collections, with what each server is started with and the candidate requests. */
export function serveCases(dir) {
  const boxEnvironment = join(dir, 'box-baseUrl.postman_environment.json')
  writeFileSync(
    boxEnvironment,
    JSON.stringify({
      name: 'bench',
      values: [{ key: 'baseUrl', value: 'https://api.box.com', enabled: true }],
    }),
  )
  const headers = (name, value) => ({ method: 'GET', path: '/users/1', headers: { [name]: value } })
  return [
    {
      name: 'testAPI (seed)',
      collection: TEST_API,
      serveArgs: [TEST_API, '--environment', TEST_API_ENV],
      candidates: [
        headers('x-mock-response-code', '200'),
        headers('x-mock-response-code', '401'),
        headers('x-mock-response-name', 'Unauthorized'),
        headers('x-mock-response-name', 'Get user OK'),
      ],
    },
    {
      name: 'box-platform',
      collection: BOX,
      serveArgs: [BOX, '--environment', boxEnvironment],
      candidates: boxCandidates(),
    },
  ]
}

async function statusOf(origin, request) {
  const response = await fetch(origin + request.path, request)
  await response.arrayBuffer()
  return response.status
}

/** The candidates both servers answer from an example, alike (same status, not 404 nor 5xx), with that status. */
export async function sharedRequests(candidates, serve, peer) {
  const shared = []
  for (const request of candidates) {
    const [ours, theirs] = [await statusOf(serve.origin, request), await statusOf(peer.origin, request)]
    if (ours === theirs && ours !== 404 && ours < 500) shared.push({ ...request, status: ours })
  }
  if (shared.length === 0)
    throw new Error('[postmock] Failed to run the serve bench: no request both servers answer alike.')
  return shared
}
