/**
 * Property tests: for arbitrary methods, paths, queries, headers and bodies the matcher never throws
 * and always gives the same answer (same status, same example) for the same request.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createPostmanMock } from '@postmock/core'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/collections', name), 'utf8'))

const segment = fc.oneof(
  fc.constantFrom(
    'users',
    'Users',
    '2.0',
    'files',
    'tweets',
    'crm',
    'companies',
    'v2',
    '{{id}}',
    ':id',
    '',
    '..',
    '%',
    '%2F',
    '%E0%A4%A',
  ),
  fc.integer({ min: 0, max: 99999 }).map(String),
  fc.uuid(),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
)
const path = fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`)
const queryPair = fc.tuple(
  fc.oneof(fc.constantFrom('id', 'fields', 'status', 'filter[name]', 'q', ''), fc.string({ maxLength: 6 })),
  fc.oneof(fc.constantFrom('1', 'true', '<string>', 'a,b', '{{x}}'), fc.string({ maxLength: 8 })),
)
const query = fc
  .array(queryPair, { maxLength: 5 })
  .map((pairs) =>
    pairs.length
      ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`
      : '',
  )
const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND')
const headerName = fc.constantFrom(
  'x-mock-response-code',
  'x-mock-response-name',
  'x-mock-response-id',
  'x-mock-match-request-body',
  'x-mock-match-request-headers',
  'content-type',
  'authorization',
  'x-mock-response-delay',
)
const headerValue = fc.oneof(
  fc.constantFrom('200', '401', 'true', 'false', 'application/json', 'authorization', 'OK', '0', '999999'),
  fc.string({ maxLength: 10 }).filter((v) => /^[\x20-\x7e]*$/.test(v)),
)
const headers = fc.dictionary(headerName, headerValue, { maxKeys: 4 })
const body = fc.oneof(
  fc.constant(undefined),
  fc.json(),
  fc.string({ maxLength: 30 }),
  fc.constant('{"query":"{ a }","variables":{}}'),
)

const request = fc.record({ method, path, query, headers, body })

async function answer(mock: ReturnType<typeof createPostmanMock>, r: fc.RecordValue<typeof request>) {
  const hasBody = r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD'
  // x-mock-response-delay is bounded by Postman to 180 s; keep the properties fast by dropping it.
  const { 'x-mock-response-delay': _delay, ...rest } = r.headers
  const response = await mock.respond(
    new Request(`https://prop.mock.pstmn.io${r.path}${r.query}`, {
      method: r.method,
      headers: rest,
      body: hasBody ? r.body : undefined,
    }),
  )
  const call = mock.calls().at(-1)
  return {
    status: response?.status,
    example: call?.example?.location,
    body: r.method === 'HEAD' ? '' : await response?.text(),
  }
}

describe.each([
  ['twitter-api-v2.postman_collection.json', 'twitter-api-v2.postman_environment.json'],
  ['box-platform.postman_collection.json', undefined],
  ['microcks-films-graphql.postman_collection.json', undefined],
  ['docusign-rooms.postman_collection.json', undefined], // {{var}} path segments: the wildcard step
])('%s', (collectionFile, environmentFile) => {
  const mock = createPostmanMock(fixture(collectionFile), {
    environment: environmentFile ? fixture(environmentFile) : undefined,
    seed: 7,
    onWarning: () => {},
  })
  test('never throws and answers the same request the same way', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const first = await answer(mock, r)
        const second = await answer(mock, r)
        expect(second.status).toBe(first.status)
        expect(second.example).toBe(first.example)
        expect([200, 201, 202, 204, 302, 400, 401, 403, 404, 405, 409, 412, 416, 429, 500]).toContain(
          first.status,
        )
      }),
      { numRuns: 300 },
    )
  })
})
