/**
 * Conformance cases as data: each names the spec rule it checks (spec/postman-mock-behaviour.md), a
 * collection fragment, one request, and what Postman's mock answers. The same cases run against
 * `respond()`, through msw's `setupServer` + global fetch (msw 3 / Node 24 and msw 2 / Node 20), and in
 * Chromium under the service worker.
 */
import type { PostmanMockOptions } from '@postmock/core'
import { collectionOf, type ExampleSpec } from './collection-builder.js'

export const MOCK = 'https://abc123.mock.pstmn.io'

export interface ConformanceCase {
  id: string
  /** The spec section the case checks. */
  rule: string
  examples?: ExampleSpec[]
  /** A whole collection, when the case is about the format itself. */
  collection?: unknown
  variables?: Record<string, string>
  options?: PostmanMockOptions
  request: { method?: string; url: string; headers?: Record<string, string>; body?: string }
  expect: {
    /** Name of the example that answers (its default body is `{"example":"<name>"}`). */
    example?: string
    status?: number
    statusText?: string
    notFound?: 'no-matching-requests' | 'you-need-an-example'
    unauthorized?: boolean
    body?: string
    bodyPattern?: RegExp
    /** Header values; `null` means absent. */
    headers?: Record<string, string | null>
    /** The origin is not served: `respond()` gives `undefined`. */
    unserved?: boolean
    /** The answer takes at least this long (ms). */
    minDelay?: number
  }
}

const ex = (name: string, url: string, extra: Partial<ExampleSpec> = {}): ExampleSpec => ({
  name,
  url,
  ...extra,
})
const api = 'https://api.example.com'

export const cases: ConformanceCase[] = [
  // §3.3 method filter, §3.9 not found
  {
    id: 'G1 exact path',
    rule: '§3.5 step 1',
    examples: [ex('list', `${api}/users`)],
    request: { url: '/users' },
    expect: { example: 'list' },
  },
  {
    id: 'G2 wrong method',
    rule: '§3.3',
    examples: [ex('list', `${api}/users`)],
    request: { method: 'POST', url: '/users' },
    expect: { notFound: 'no-matching-requests' },
  },
  {
    id: 'method compare is case-insensitive',
    rule: '§3.3',
    examples: [ex('del', `${api}/users/1`, { method: 'delete' })],
    request: { method: 'DELETE', url: '/users/1' },
    expect: { example: 'del' },
  },
  {
    id: 'G3 trailing slash',
    rule: '§3.5 step 2',
    examples: [ex('list', `${api}/users`)],
    request: { url: '/users/' },
    expect: { example: 'list' },
  },
  {
    id: 'G4 case-insensitive',
    rule: '§3.5 step 3',
    examples: [ex('upper', `${api}/Users`)],
    request: { url: '/users' },
    expect: { example: 'upper' },
  },
  {
    id: 'G5 case + slash',
    rule: '§3.5 step 4',
    examples: [ex('upper', `${api}/Users`)],
    request: { url: '/users/' },
    expect: { example: 'upper' },
  },
  {
    id: 'G6 exact beats trailing slash',
    rule: '§3.5',
    examples: [ex('slash', `${api}/users/`), ex('plain', `${api}/users`)],
    request: { url: '/users' },
    expect: { example: 'plain' },
  },
  {
    id: 'G7 exact beats case',
    rule: '§3.5',
    examples: [ex('upper', `${api}/Users`), ex('lower', `${api}/users`)],
    request: { url: '/users' },
    expect: { example: 'lower' },
  },
  {
    id: 'G8 numeric ID',
    rule: '§3.5 step 6',
    examples: [ex('ten', `${api}/users/10`)],
    request: { url: '/users/20' },
    expect: { example: 'ten' },
  },
  {
    id: 'G9 numeric ID + slash',
    rule: '§3.5 step 7',
    examples: [ex('ten', `${api}/users/10`)],
    request: { url: '/users/20/' },
    expect: { example: 'ten' },
  },
  {
    id: 'G10 UUID',
    rule: '§3.5 step 6',
    examples: [ex('order', `${api}/orders/3fa85f64-5717-4562-b3fc-2c963f66afa6`)],
    request: { url: '/orders/13debaf5-53ed-4a85-8ee3-d47258ce1078' },
    expect: { example: 'order' },
  },
  {
    id: 'ObjectId is an ID',
    rule: '§3.5 step 6',
    examples: [ex('doc', `${api}/docs/507f1f77bcf86cd799439011`)],
    request: { url: '/docs/65a1b2c3d4e5f60718293a4b' },
    expect: { example: 'doc' },
  },
  {
    id: '256-char segment is an ID',
    rule: '§3.5 step 6',
    examples: [ex('blob', `${api}/blobs/${'a'.repeat(256)}`)],
    request: { url: `/blobs/${'b'.repeat(300)}` },
    expect: { example: 'blob' },
  },
  {
    id: 'G11 a word is not an ID',
    rule: '§3.5 step 6',
    examples: [ex('user', `${api}/users/456`)],
    request: { url: '/users/carol' },
    expect: { notFound: 'no-matching-requests' },
  },
  {
    id: 'a NUL segment is not an ID',
    rule: '§3.5 step 6 (#9 item 6)',
    examples: [ex('nul', `${api}/users/%00`, { id: 'a' }), ex('seven', `${api}/users/7`, { id: 'b' })],
    request: { url: '/users/42' },
    expect: { example: 'seven' },
  },
  {
    id: 'a NUL segment alone matches no ID',
    rule: '§3.5 step 6 (#9 item 6)',
    examples: [ex('nul', `${api}/users/%00`)],
    request: { url: '/users/42' },
    expect: { notFound: 'no-matching-requests' },
  },
  {
    id: 'a NUL segment still matches itself',
    rule: '§3.5 step 1',
    examples: [ex('nul', `${api}/users/%00`), ex('seven', `${api}/users/7`)],
    request: { url: '/users/%00' },
    expect: { example: 'nul' },
  },
  {
    id: 'G12 exact ID beats stripped ID',
    rule: '§3.5',
    examples: [ex('one', `${api}/users/1`), ex('two', `${api}/users/2`)],
    request: { url: '/users/2' },
    expect: { example: 'two' },
  },
  {
    id: 'G13 tie on IDs → lower id first with 200',
    rule: '§3.8',
    examples: [ex('two', `${api}/users/2`, { id: 'b' }), ex('one', `${api}/users/1`, { id: 'a' })],
    request: { url: '/users/3' },
    expect: { example: 'one' },
  },
  {
    id: 'G14 wildcard capture in body',
    rule: '§3.5 step 5, §4.3',
    variables: { baseUrl: api },
    examples: [ex('any user', '{{baseUrl}}/users/{{userId}}', { body: '{"id":"{{userId}}"}' })],
    request: { url: '/users/carol' },
    expect: { body: '{"id":"carol"}' },
  },
  {
    id: 'wildcards named like Object members keep their values',
    rule: '§3.5 step 5, §4.3',
    variables: { baseUrl: api },
    examples: [
      ex('odd names', '{{baseUrl}}/o/{{__proto__}}/{{constructor}}?q={{toString}}', {
        body: '{{__proto__}}|{{constructor}}|{{toString}}',
      }),
    ],
    request: { url: '/o/a/b?q=c' },
    expect: { body: 'a|b|c' },
  },
  {
    id: 'G15 wildcard never spans segments',
    rule: '§3.5 step 5',
    examples: [ex('any user', `${api}/users/{{userId}}`)],
    request: { url: '/users/another/segment' },
    expect: { notFound: 'no-matching-requests' },
  },
  {
    id: 'G16 literal beats wildcard',
    rule: '§3.5',
    examples: [ex('any', `${api}/users/{{userId}}`), ex('me', `${api}/users/me`)],
    request: { url: '/users/me' },
    expect: { example: 'me' },
  },
  {
    id: 'G17a resolved variable is not a wildcard (exact)',
    rule: '§3.2',
    variables: { userId: '42' },
    examples: [ex('user', `${api}/users/{{userId}}`)],
    request: { url: '/users/42' },
    expect: { example: 'user' },
  },
  {
    id: 'G17b resolved variable, other numeric ID',
    rule: '§3.2',
    variables: { userId: '42' },
    examples: [ex('user', `${api}/users/{{userId}}`)],
    request: { url: '/users/7' },
    expect: { example: 'user' },
  },
  {
    id: 'G17c resolved variable, word',
    rule: '§3.2',
    variables: { userId: '42' },
    examples: [ex('user', `${api}/users/{{userId}}`)],
    request: { url: '/users/carol' },
    expect: { notFound: 'no-matching-requests' },
  },
  {
    id: 'G18a environment beats collection (raw URL re-parsed)',
    rule: '§3.2',
    variables: { host: 'https://a.example.com/v1' },
    options: { environment: { values: [{ key: 'host', value: 'https://b.example.com/v2', enabled: true }] } },
    examples: [ex('items', '{{host}}/items')],
    request: { url: '/v2/items' },
    expect: { example: 'items' },
  },
  {
    id: 'G18b collection value loses',
    rule: '§3.2',
    variables: { host: 'https://a.example.com/v1' },
    options: { environment: { values: [{ key: 'host', value: 'https://b.example.com/v2', enabled: true }] } },
    examples: [ex('items', '{{host}}/items')],
    request: { url: '/v1/items' },
    expect: { notFound: 'no-matching-requests' },
  },
  {
    id: 'G19 unresolved host variable is ignored, path kept',
    rule: '§3.2',
    examples: [ex('res', '{{url}}/my-resource')],
    request: { url: '/api/v1.0/my-resource' },
    expect: { notFound: 'no-matching-requests' },
  },
  {
    id: 'G20a example host ignored',
    rule: '§3.2',
    examples: [ex('help', 'https://google.com/help')],
    request: { url: '/help' },
    expect: { example: 'help' },
  },
  {
    id: 'G20b other path',
    rule: '§3.2',
    examples: [ex('help', 'https://google.com/help')],
    request: { url: '/test' },
    expect: { notFound: 'no-matching-requests' },
  },
  {
    id: 'disabled environment value ignored',
    rule: '§3.2',
    options: {
      environment: { values: [{ key: 'base', value: 'https://x.example.com/off', enabled: false }] },
    },
    variables: { base: 'https://x.example.com/on' },
    examples: [ex('on', '{{base}}/items')],
    request: { url: '/on/items' },
    expect: { example: 'on' },
  },
  {
    id: 'variables option beats environment',
    rule: 'options',
    options: {
      variables: { base: 'https://x.example.com/opt' },
      environment: { values: [{ key: 'base', value: 'https://x.example.com/env' }] },
    },
    examples: [ex('opt', '{{base}}/items')],
    request: { url: '/opt/items' },
    expect: { example: 'opt' },
  },
  {
    id: 'nested variables',
    rule: '§3.2',
    variables: { root: 'https://x.example.com', base: '{{root}}/v3' },
    examples: [ex('nested', '{{base}}/items')],
    request: { url: '/v3/items' },
    expect: { example: 'nested' },
  },
  {
    id: 'a variable that refers to itself stops after 19 rounds',
    rule: '§3.2',
    variables: { a: 'x{{a}}' },
    examples: [ex('r', `${api}/r`, { body: '<{{a}}>' })],
    request: { url: '/r' },
    expect: { body: `<${'x'.repeat(19)}{{a}}>` },
  },
  {
    id: 'variables nested 19 deep resolve, deeper ones stop',
    rule: '§3.2',
    variables: {
      ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`v${i}`, `{{v${i + 1}}}`])),
      v20: 'end',
    },
    examples: [ex('d', `${api}/d`, { body: '{{v0}}|{{v2}}' })],
    request: { url: '/d' },
    expect: { body: '{{v19}}|end' },
  },
  {
    id: ':id path variable with a value',
    rule: '§3.2',
    examples: [ex('user', `${api}/users/:id`, { pathVariables: { id: '5' } })],
    request: { url: '/users/5' },
    expect: { example: 'user' },
  },
  {
    id: ':id path variable keeps .json suffix',
    rule: '§3.2',
    examples: [ex('user', `${api}/users/:id.json`, { pathVariables: { id: 'ada' } })],
    request: { url: '/users/ada.json' },
    expect: { example: 'user' },
  },
  {
    id: 'empty :id is a literal segment',
    rule: '§3.2',
    examples: [ex('user', `${api}/users/:id`, { pathVariables: { id: '' } })],
    request: { url: '/users/carol' },
    expect: { notFound: 'no-matching-requests' },
  },
  {
    id: 'root path',
    rule: '§3.5 leading slash',
    examples: [ex('root', api)],
    request: { url: '/' },
    expect: { example: 'root' },
  },
  {
    id: 'percent-decoded segments',
    rule: '§3.5',
    examples: [ex('spaced', `${api}/files/my file`)],
    request: { url: '/files/my%20file' },
    expect: { example: 'spaced' },
  },
  {
    id: 'document distance',
    rule: '§3.5 step 8',
    examples: [ex('near match', `${api}/employees/carolyne`), ex('far', `${api}/employees/johnson`)],
    request: { url: '/employees/caroline' },
    expect: { example: 'near match' },
  },
  {
    id: 'matchWildcards: false',
    rule: 'options',
    options: { matchWildcards: false },
    examples: [ex('any', `${api}/users/{{userId}}`)],
    request: { url: '/users/carol' },
    expect: { notFound: 'no-matching-requests' },
  },
  // §3.6 query parameters
  {
    id: 'G21 query value match',
    rule: '§3.6',
    examples: [ex('Example1', `${api}/get?id=1`), ex('Example2', `${api}/get?id=5`)],
    request: { url: '/get?id=5' },
    expect: { example: 'Example2' },
  },
  {
    id: 'G22 no query beats query',
    rule: '§3.6',
    examples: [ex('with id', `${api}/get?id=1`), ex('plain', `${api}/get`)],
    request: { url: '/get' },
    expect: { example: 'plain' },
  },
  {
    id: 'G23 partial share beats miss',
    rule: '§3.6',
    examples: [
      ex('root', `${api}/getFlightData.htm?node=root`),
      ex('child', `${api}/getFlightData.htm?node=child_items`),
    ],
    request: { url: '/getFlightData.htm?randomID=981&node=child_items' },
    expect: { example: 'child' },
  },
  {
    id: 'G24 half match',
    rule: '§3.6',
    examples: [
      ex('book', `${api}/search?type=book&sort=asc`),
      ex('film', `${api}/search?type=film&sort=asc`),
    ],
    request: { url: '/search?type=film&sort=desc' },
    expect: { example: 'film' },
  },
  {
    id: 'G25 values are case-sensitive',
    rule: '§3.6',
    examples: [
      ex('lower', `${api}/get?name=john`, { id: 'b' }),
      ex('upper', `${api}/get?name=John`, { id: 'a' }),
    ],
    request: { url: '/get?name=john' },
    expect: { example: 'lower' },
  },
  {
    id: 'G26 encoded keys',
    rule: '§3.6',
    examples: [ex('filtered', `${api}/list?filter[a]=1`), ex('other', `${api}/list?filter[b]=1`)],
    request: { url: '/list?filter%5Ba%5D=1' },
    expect: { example: 'filtered' },
  },
  {
    id: 'G27 disabled saved params ignored',
    rule: '§3.6',
    examples: [
      ex('debug off', `${api}/get`, { query: [{ key: 'debug', value: '1', disabled: true }], id: 'b' }),
      ex('other', `${api}/get?x=1`, { id: 'a' }),
    ],
    request: { url: '/get' },
    expect: { example: 'debug off' },
  },
  {
    id: 'repeated keys as multisets',
    rule: '§3.6 (d)',
    examples: [ex('ab', `${api}/f?tag=a&tag=b`), ex('c', `${api}/f?tag=c`)],
    request: { url: '/f?tag=b&tag=a' },
    expect: { example: 'ab' },
  },
  {
    id: 'comma-separated values',
    rule: '§3.6 (d)',
    examples: [ex('a', `${api}/f?tag=a`), ex('z', `${api}/f?tag=z`)],
    request: { url: '/f?tag=a,b' },
    expect: { example: 'a' },
  },
  {
    id: 'an exact comma-separated value outranks a comma-split match',
    rule: '§3.6 (d) (#9 item 7)',
    examples: [
      ex('invoices', `${api}/f?filter=invoices`, { id: 'a' }),
      ex('invoices and tickets', `${api}/f?filter=invoices,tickets`, { id: 'b' }),
    ],
    request: { url: '/f?filter=invoices,tickets' },
    expect: { example: 'invoices and tickets' },
  },
  {
    id: 'the single value still answers its own request',
    rule: '§3.6 (d) (#9 item 7)',
    examples: [
      ex('invoices', `${api}/f?filter=invoices`, { id: 'b' }),
      ex('invoices and tickets', `${api}/f?filter=invoices,tickets`, { id: 'a' }),
    ],
    request: { url: '/f?filter=invoices' },
    expect: { example: 'invoices' },
  },
  {
    id: 'plus is a space',
    rule: '§3.6 (f)',
    examples: [ex('spaced', `${api}/s?q=hello world`), ex('other', `${api}/s?q=bye`)],
    request: { url: '/s?q=hello+world' },
    expect: { example: 'spaced' },
  },
  {
    id: 'matchQueryParams: false ignores the query',
    rule: 'options',
    options: { matchQueryParams: false },
    examples: [ex('five', `${api}/get?id=5`, { id: 'a' }), ex('one', `${api}/get?id=1`, { id: 'b' })],
    request: { url: '/get?id=1' },
    expect: { example: 'five' },
  },
  {
    id: 'query wildcard value captured',
    rule: '§4.3',
    examples: [ex('echo', `${api}/hello?name={{name}}`, { body: 'hi {{name}}' })],
    request: { url: '/hello?name=ada' },
    expect: { body: 'hi ada' },
  },
  // §3.4 control headers
  {
    id: 'G28 x-mock-response-code',
    rule: '§3.4',
    examples: [ex('ok', `${api}/items/1`), ex('missing', `${api}/items/1`, { code: 404 })],
    request: { url: '/items/1', headers: { 'x-mock-response-code': '404' } },
    expect: { example: 'missing', status: 404 },
  },
  {
    id: 'G29 code with no example',
    rule: '§3.4',
    examples: [ex('ok', `${api}/items/1`), ex('missing', `${api}/items/1`, { code: 404 })],
    request: { url: '/items/1', headers: { 'x-mock-response-code': '500' } },
    expect: { notFound: 'no-matching-requests' },
  },
  {
    id: 'G30 code filter then URL scoring',
    rule: '§3.4',
    examples: [ex('other', `${api}/other`, { code: 404 }), ex('missing', `${api}/items/1`, { code: 404 })],
    request: { url: '/items/1', headers: { 'x-mock-response-code': '404' } },
    expect: { example: 'missing' },
  },
  {
    id: 'x-mock-response-name ignores the path (collection-wide)',
    rule: '§3.4 #5660',
    examples: [
      ex('200', `${api}/callOne`, { body: 'one', request: 'one' }),
      ex('200', `${api}/callTwo`, { body: 'two', request: 'two', id: 'z' }),
    ],
    request: { url: '/callTwo', headers: { 'x-mock-response-name': '200' } },
    expect: { body: 'one' },
  },
  {
    id: 'x-mock-response-name unknown',
    rule: '§3.4',
    examples: [ex('ok', `${api}/a`)],
    request: { url: '/a', headers: { 'x-mock-response-name': 'nope' } },
    expect: { notFound: 'no-matching-requests' },
  },
  {
    id: 'x-mock-response-name duplicates → sorted by id, 200 first',
    rule: '§3.4',
    examples: [
      ex('dup', `${api}/a`, { id: 'a', code: 500, body: 'a500' }),
      ex('dup', `${api}/b`, { id: 'c', code: 200, body: 'c200' }),
      ex('dup', `${api}/c`, { id: 'b', code: 200, body: 'b200' }),
    ],
    request: { url: '/zzz', headers: { 'x-mock-response-name': 'dup' } },
    expect: { body: 'b200' },
  },
  {
    id: 'x-mock-response-id by uid',
    rule: '§3.4',
    examples: [
      ex('ok', `${api}/a`, { id: 'r1', uid: '12345-r1' }),
      ex('err', `${api}/a`, { id: 'r2', uid: '12345-r2', code: 500 }),
    ],
    request: { url: '/anything', headers: { 'x-mock-response-id': '12345-r2' } },
    expect: { example: 'err', status: 500 },
  },
  {
    id: 'x-mock-response-id by bare id',
    rule: '§3.4',
    examples: [ex('ok', `${api}/a`, { id: 'r1' }), ex('err', `${api}/a`, { id: 'r2', code: 500 })],
    request: { url: '/a', headers: { 'x-mock-response-id': 'r2' } },
    expect: { example: 'err' },
  },
  {
    id: 'id wins over name',
    rule: '§3.4 precedence',
    examples: [ex('ok', `${api}/a`, { id: 'r1' }), ex('err', `${api}/a`, { id: 'r2', code: 500 })],
    request: { url: '/a', headers: { 'x-mock-response-id': 'r1', 'x-mock-response-name': 'err' } },
    expect: { example: 'ok' },
  },
  {
    id: 'code filter removes the named example',
    rule: '§3.4 precedence',
    examples: [ex('ok', `${api}/a`), ex('err', `${api}/a`, { code: 500 })],
    request: { url: '/a', headers: { 'x-mock-response-code': '200', 'x-mock-response-name': 'err' } },
    expect: { notFound: 'no-matching-requests' },
  },
  {
    id: 'id lookup stays within the method',
    rule: '§3.4',
    examples: [ex('post', `${api}/a`, { id: 'p', method: 'POST' })],
    request: { url: '/a', headers: { 'x-mock-response-id': 'p' } },
    expect: { notFound: 'no-matching-requests' },
  },
  {
    id: 'non-numeric x-mock-response-code is ignored',
    rule: '§3.4',
    examples: [ex('ok', `${api}/a`), ex('err', `${api}/a`, { code: 500 })],
    request: { url: '/a', headers: { 'x-mock-response-code': 'abc' } },
    expect: { example: 'ok', status: 200 },
  },
  {
    id: 'a name-chosen example still renders wildcard captures',
    rule: '§3.4, §4.3',
    examples: [ex('any user', `${api}/users/{{userId}}`, { body: 'user {{userId}}' })],
    request: { url: '/users/ada', headers: { 'x-mock-response-name': 'any user' } },
    expect: { body: 'user ada' },
  },
  {
    id: 'control headers are never matched by the header filter',
    rule: '§3.7, §4.6',
    examples: [ex('plain', `${api}/get`)],
    request: {
      url: '/get',
      headers: {
        'x-mock-match-request-headers': 'x-mock-response-code, x-api-key',
        'x-mock-response-code': '200',
      },
    },
    expect: { example: 'plain' },
  },
  {
    id: '$body path on a non-JSON body falls back to the default',
    rule: '§7',
    examples: [ex('t', `${api}/t`, { method: 'POST', body: "{{$body 'a' 'none'}}" })],
    request: { method: 'POST', url: '/t', headers: { 'content-type': 'text/plain' }, body: 'a=1' },
    expect: { body: 'none' },
  },
  // §3.7 headers and bodies
  {
    id: 'header filter via x-mock-match-request-headers',
    rule: '§3.7',
    examples: [
      ex('fred', `${api}/get`, { requestHeaders: [['name', 'Fred']], id: 'b' }),
      ex('plain', `${api}/get`, { id: 'a' }),
    ],
    request: { url: '/get', headers: { 'x-mock-match-request-headers': 'name', name: 'fred' } },
    expect: { example: 'fred' },
  },
  {
    id: 'header filter drops examples without the header',
    rule: '§3.7',
    examples: [ex('plain', `${api}/get`)],
    request: { url: '/get', headers: { 'x-mock-match-request-headers': 'name', name: 'Fred' } },
    expect: { notFound: 'no-matching-requests' },
  },
  {
    id: 'matchHeaders option',
    rule: 'options',
    options: { matchHeaders: ['Authorization'] },
    examples: [
      ex('admin', `${api}/me`, { requestHeaders: [['Authorization', 'Bearer admin']] }),
      ex('guest', `${api}/me`, { requestHeaders: [['Authorization', 'Bearer guest']] }),
    ],
    request: { url: '/me', headers: { authorization: 'Bearer guest' } },
    expect: { example: 'guest' },
  },
  {
    id: 'disabled saved header is not matched',
    rule: '§3.7',
    options: { matchHeaders: ['x-team'] },
    examples: [ex('team', `${api}/me`, { requestHeaders: [['x-team', 'a', true]] })],
    request: { url: '/me', headers: { 'x-team': 'a' } },
    expect: { notFound: 'no-matching-requests' },
  },
  {
    id: 'JSON body filter (deep equal, any key order)',
    rule: '§3.7',
    examples: [
      ex('one', `${api}/post`, {
        method: 'POST',
        requestBody: { mode: 'raw', raw: '{"number":1,"a":"x"}' },
        requestHeaders: [['Content-Type', 'application/json']],
      }),
      ex('two', `${api}/post`, {
        method: 'POST',
        requestBody: { mode: 'raw', raw: '{"number":2,"a":"x"}' },
        requestHeaders: [['Content-Type', 'application/json']],
      }),
    ],
    request: {
      method: 'POST',
      url: '/post',
      headers: { 'x-mock-match-request-body': 'true', 'content-type': 'application/json; charset=utf-8' },
      body: '{ "a": "x", "number": 2 }',
    },
    expect: { example: 'two' },
  },
  {
    id: 'JSON body filter removes all',
    rule: '§3.7',
    examples: [
      ex('one', `${api}/post`, { method: 'POST', requestBody: { mode: 'raw', raw: '{"number":1}' } }),
    ],
    request: {
      method: 'POST',
      url: '/post',
      headers: { 'x-mock-match-request-body': 'true', 'content-type': 'application/json' },
      body: '{"number":999}',
    },
    expect: { notFound: 'no-matching-requests' },
  },
  {
    id: 'a saved request without a JSON Content-Type is compared as text',
    rule: '§3.7 #6356 (#9 item 7)',
    examples: [
      ex('one', `${api}/post`, { method: 'POST', requestBody: { mode: 'raw', raw: '{"number":1}' } }),
    ],
    request: {
      method: 'POST',
      url: '/post',
      headers: { 'x-mock-match-request-body': 'true', 'content-type': 'application/json' },
      body: '{ "number": 1 }',
    },
    expect: { notFound: 'no-matching-requests' },
  },
  {
    id: 'a saved request without a JSON Content-Type matches the same text',
    rule: '§3.7 #6356 (#9 item 7)',
    examples: [
      ex('one', `${api}/post`, { method: 'POST', requestBody: { mode: 'raw', raw: '{"number":1}' } }),
    ],
    request: {
      method: 'POST',
      url: '/post',
      headers: { 'x-mock-match-request-body': 'true', 'content-type': 'application/json' },
      body: '{"number":1}',
    },
    expect: { example: 'one' },
  },
  {
    id: 'a saved JSON Content-Type with parameters is compared as JSON',
    rule: '§3.7 #8335',
    examples: [
      ex('one', `${api}/post`, {
        method: 'POST',
        requestBody: { mode: 'raw', raw: '{"number":1,"a":"x"}' },
        requestHeaders: [['Content-Type', 'application/json; charset=utf-8']],
      }),
    ],
    request: {
      method: 'POST',
      url: '/post',
      headers: { 'x-mock-match-request-body': 'true', 'content-type': 'application/json' },
      body: '{ "a": "x", "number": 1 }',
    },
    expect: { example: 'one' },
  },
  {
    id: 'matchBody option, header false turns it off',
    rule: '§3.7',
    options: { matchBody: true },
    examples: [
      ex('one', `${api}/post`, { method: 'POST', requestBody: { mode: 'raw', raw: '{"number":1}' } }),
    ],
    request: {
      method: 'POST',
      url: '/post',
      headers: { 'x-mock-match-request-body': 'false', 'content-type': 'application/json' },
      body: '{"number":999}',
    },
    expect: { example: 'one' },
  },
  {
    id: 'implicit +5 body bonus',
    rule: '§3.7',
    examples: [
      ex('one', `${api}/post`, { method: 'POST', id: 'a', requestBody: { mode: 'raw', raw: '{"n":1}' } }),
      ex('two', `${api}/post`, { method: 'POST', id: 'b', requestBody: { mode: 'raw', raw: '{"n":2}' } }),
    ],
    request: {
      method: 'POST',
      url: '/post',
      headers: { 'content-type': 'application/json' },
      body: '{"n":2}',
    },
    expect: { example: 'two' },
  },
  {
    id: 'urlencoded body filter',
    rule: '§3.7',
    examples: [
      ex('ada', `${api}/token`, {
        method: 'POST',
        requestBody: {
          mode: 'urlencoded',
          urlencoded: [
            { key: 'user', value: 'ada' },
            { key: 'grant', value: 'pw' },
          ],
        },
      }),
      ex('bob', `${api}/token`, {
        method: 'POST',
        requestBody: { mode: 'urlencoded', urlencoded: [{ key: 'user', value: 'bob' }] },
      }),
    ],
    request: {
      method: 'POST',
      url: '/token',
      headers: { 'x-mock-match-request-body': 'true', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant=pw&user=ada',
    },
    expect: { example: 'ada' },
  },
  {
    id: 'GraphQL body',
    rule: '§3.7 GraphQL',
    examples: [
      ex('film 1', `${api}/graphql`, {
        method: 'POST',
        requestBody: {
          mode: 'graphql',
          graphql: { query: 'query($id: ID){ film(id: $id) { title } }', variables: '{"id":"1"}' },
        },
      }),
      ex('film 2', `${api}/graphql`, {
        method: 'POST',
        requestBody: {
          mode: 'graphql',
          graphql: { query: 'query($id: ID){ film(id: $id) { title } }', variables: '{"id":"2"}' },
        },
      }),
    ],
    request: {
      method: 'POST',
      url: '/graphql',
      headers: { 'x-mock-match-request-body': 'true', 'content-type': 'application/json' },
      body: '{"query":"query($id: ID){ film(id: $id) { title } }","variables":{"id":"2"}}',
    },
    expect: { example: 'film 2' },
  },
  {
    id: 'text body compared exactly',
    rule: '§3.7',
    examples: [
      ex('soap a', `${api}/soap`, { method: 'POST', requestBody: { mode: 'raw', raw: '<a/>' } }),
      ex('soap b', `${api}/soap`, { method: 'POST', requestBody: { mode: 'raw', raw: '<b/>' } }),
    ],
    request: {
      method: 'POST',
      url: '/soap',
      headers: { 'x-mock-match-request-body': 'true', 'content-type': 'text/xml' },
      body: '<b/>',
    },
    expect: { example: 'soap b' },
  },
  {
    id: 'formdata never matches the body filter',
    rule: '§3.7',
    examples: [
      ex('upload', `${api}/up`, {
        method: 'POST',
        requestBody: { mode: 'formdata', formdata: [{ key: 'f', type: 'text', value: 'x' }] },
      }),
    ],
    request: {
      method: 'POST',
      url: '/up',
      headers: { 'x-mock-match-request-body': 'true', 'content-type': 'text/plain' },
      body: 'f=x',
    },
    expect: { notFound: 'no-matching-requests' },
  },
  // §3.8 ties
  {
    id: 'tie → 200 preferred over lower id',
    rule: '§3.8',
    examples: [ex('err', `${api}/t`, { id: 'a', code: 500 }), ex('ok', `${api}/t`, { id: 'b', code: 200 })],
    request: { url: '/t' },
    expect: { example: 'ok' },
  },
  {
    id: 'tie without 200 → lowest id',
    rule: '§3.8',
    examples: [
      ex('late', `${api}/t`, { id: 'b', code: 201 }),
      ex('early', `${api}/t`, { id: 'a', code: 400 }),
    ],
    request: { url: '/t' },
    expect: { example: 'early' },
  },
  {
    id: 'tieBreak last-lexicographic',
    rule: '§3.8 options',
    options: { tieBreak: 'last-lexicographic' },
    examples: [
      ex('a', `${api}/t`, { id: 'a' }),
      ex('c', `${api}/t`, { id: 'c' }),
      ex('b', `${api}/t`, { id: 'b' }),
    ],
    request: { url: '/t' },
    expect: { example: 'c' },
  },
  {
    id: 'tieBreak collection-order',
    rule: '§3.8 options',
    options: { tieBreak: 'collection-order' },
    examples: [ex('first', `${api}/t`, { id: 'z', code: 400 }), ex('second', `${api}/t`, { id: 'a' })],
    request: { url: '/t' },
    expect: { example: 'first' },
  },
  {
    id: 'tieBreak prefer-2xx',
    rule: '§3.8 options',
    options: { tieBreak: 'prefer-2xx' },
    examples: [
      ex('err', `${api}/t`, { id: 'a', code: 400 }),
      ex('created', `${api}/t`, { id: 'b', code: 201 }),
    ],
    request: { url: '/t' },
    expect: { example: 'created' },
  },
  // §3.9 not found bodies
  {
    id: 'no examples → "You need an example"',
    rule: '§3.9',
    collection: {
      info: { name: 'empty', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [{ name: 'r', request: { method: 'GET', url: `${api}/a` }, response: [] }],
    },
    request: { url: '/a' },
    expect: { notFound: 'you-need-an-example' },
  },
  // §4 rendering
  {
    id: 'status and status text',
    rule: '§4.1',
    examples: [ex('created', `${api}/c`, { method: 'POST', code: 201, status: 'Created' })],
    request: { method: 'POST', url: '/c' },
    expect: { status: 201, statusText: 'Created' },
  },
  {
    id: 'unusual status passes through',
    rule: '§4.1',
    examples: [ex('449', `${api}/c`, { code: 449 })],
    request: { url: '/c' },
    expect: { status: 449 },
  },
  {
    id: 'example headers sent, stale length/encoding dropped',
    rule: '§4.2',
    examples: [
      ex('h', `${api}/h`, {
        headers: [
          ['X-Trace', 'abc'],
          ['Content-Length', '9999'],
          ['Content-Encoding', 'gzip'],
          ['Content-Type', 'application/json'],
        ],
      }),
    ],
    request: { url: '/h' },
    expect: { headers: { 'x-trace': 'abc', 'content-encoding': null, 'content-type': 'application/json' } },
  },
  {
    id: 'content type from preview language',
    rule: '§4.2',
    examples: [ex('p', `${api}/p`, { previewLanguage: 'json' })],
    request: { url: '/p' },
    expect: { headers: { 'content-type': 'application/json; charset=utf-8' } },
  },
  {
    id: 'a preview language named like an Object member → text/html',
    rule: '§4.2 (#9 item 5)',
    examples: [ex('p', `${api}/p`, { body: 'hello', previewLanguage: 'constructor' })],
    request: { url: '/p' },
    expect: { headers: { 'content-type': 'text/html; charset=utf-8' } },
  },
  {
    id: 'no content type → text/html',
    rule: '§4.2',
    examples: [ex('p', `${api}/p`, { body: 'hello' })],
    request: { url: '/p' },
    expect: { headers: { 'content-type': 'text/html; charset=utf-8' } },
  },
  {
    id: 'empty body, no content type → text/html',
    rule: '§4.2 (#9 item 7)',
    examples: [ex('p', `${api}/p`, { body: '' })],
    request: { url: '/p' },
    expect: { body: '', headers: { 'content-type': 'text/html; charset=utf-8' } },
  },
  {
    id: 'empty body, no content type → from the preview language',
    rule: '§4.2 (#9 item 7)',
    examples: [ex('p', `${api}/p`, { body: '', previewLanguage: 'json' })],
    request: { url: '/p' },
    expect: { body: '', headers: { 'content-type': 'application/json; charset=utf-8' } },
  },
  {
    id: 'invalid content type → text/html',
    rule: '§4.2 #11593',
    examples: [ex('p', `${api}/p`, { headers: [['Content-Type', 'foobar']], body: 'x' })],
    request: { url: '/p' },
    expect: { headers: { 'content-type': 'text/html; charset=utf-8' } },
  },
  {
    id: 'Access-Control-Allow-Origin added',
    rule: '§4.5',
    examples: [ex('p', `${api}/p`)],
    request: { url: '/p' },
    expect: { headers: { 'access-control-allow-origin': '*' } },
  },
  {
    id: 'custom Access-Control-Allow-Origin honoured',
    rule: '§4.5',
    examples: [
      ex('p', `${api}/p`, { headers: [['Access-Control-Allow-Origin', 'https://app.example.com']] }),
    ],
    request: { url: '/p' },
    expect: { headers: { 'access-control-allow-origin': 'https://app.example.com' } },
  },
  {
    id: '204 has no body',
    rule: '§4.1',
    examples: [ex('gone', `${api}/d`, { method: 'DELETE', code: 204, body: '' })],
    request: { method: 'DELETE', url: '/d' },
    expect: { status: 204, body: '' },
  },
  {
    id: 'HEAD gets headers only',
    rule: '§4',
    examples: [ex('head', `${api}/h`, { method: 'HEAD', headers: [['X-Count', '3']] })],
    request: { method: 'HEAD', url: '/h' },
    expect: { status: 200, body: '', headers: { 'x-count': '3' } },
  },
  {
    id: 'OPTIONS preflight without example',
    rule: '§4.5',
    examples: [ex('p', `${api}/p`)],
    request: {
      method: 'OPTIONS',
      url: '/p',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-mock-response-code',
      },
    },
    expect: { status: 204, headers: { 'access-control-allow-headers': 'x-mock-response-code' } },
  },
  {
    id: 'variables in the body',
    rule: '§4.3',
    variables: { greeting: 'hello' },
    examples: [ex('v', `${api}/v`, { body: '{{greeting}} {{unknown}}' })],
    request: { url: '/v' },
    expect: { body: 'hello {{unknown}}' },
  },
  {
    id: 'inherited names are unknown tokens',
    rule: '§4.3',
    examples: [ex('u', `${api}/u`, { body: '{{constructor}}|{{toString}}|{{__proto__}}' })],
    request: { url: '/u' },
    expect: { body: '{{constructor}}|{{toString}}|{{__proto__}}' },
  },
  {
    id: 'dynamic variables rendered',
    rule: '§6',
    examples: [ex('d', `${api}/d`, { body: '{{$guid}}|{{$randomInt}}|{{$timestamp}}|{{$randomEmail}}' })],
    request: { url: '/d' },
    expect: { bodyPattern: /^[0-9a-f-]{36}\|\d{1,4}\|\d{10}\|[^@|]+@[^|]+$/ },
  },
  {
    id: '$body helper',
    rule: '§7',
    examples: [ex('t', `${api}/t`, { method: 'POST', body: "name={{$body 'user.name'}} all={{$body}}" })],
    request: {
      method: 'POST',
      url: '/t',
      headers: { 'content-type': 'application/json' },
      body: '{"user":{"name":"Ada"}}',
    },
    expect: { body: 'name=Ada all={"user":{"name":"Ada"}}' },
  },
  {
    id: '$body escaped dot and default',
    rule: '§7',
    examples: [ex('t', `${api}/t`, { method: 'POST', body: "{{$body 'a\\.a'}}/{{$body 'missing' 'dflt'}}" })],
    request: {
      method: 'POST',
      url: '/t',
      headers: { 'content-type': 'application/json' },
      body: '{"a.a":"dotted"}',
    },
    expect: { body: 'dotted/dflt' },
  },
  {
    id: '$body reads own properties only',
    rule: '§7',
    examples: [
      ex('t', `${api}/t`, {
        method: 'POST',
        body: "{{$body '__proto__'}}|{{$body 'constructor' 'none'}}|{{$body 'own.__proto__'}}",
      }),
    ],
    request: {
      method: 'POST',
      url: '/t',
      headers: { 'content-type': 'application/json' },
      body: '{"own":{"__proto__":"yes"}}',
    },
    expect: { body: '|none|yes' },
  },
  {
    id: '$queryParams, $pathSegments, $headers',
    rule: '§7',
    examples: [
      ex('t', `${api}/product/{{id}}/details`, {
        body: "{{$queryParams 'q'}}|{{$pathSegments '1'}}|{{$headers 'X-User'}}|{{$queryParams 'none' 'd'}}",
      }),
    ],
    request: { url: '/product/12345/details?q=lamp', headers: { 'x-user': 'ada' } },
    expect: { body: 'lamp|12345|ada|d' },
  },
  {
    id: 'helper default may be a dynamic variable',
    rule: '§7',
    examples: [ex('t', `${api}/t`, { body: "{{$queryParams 'n' '{{$randomInt}}'}}" })],
    request: { url: '/t' },
    expect: { bodyPattern: /^\d{1,4}$/ },
  },
  {
    id: 'delay option',
    rule: '§4.4',
    options: { delay: 60 },
    examples: [ex('slow', `${api}/s`)],
    request: { url: '/s' },
    expect: { example: 'slow', minDelay: 55 },
  },
  {
    id: 'x-mock-response-delay header',
    rule: '§4.4',
    examples: [ex('slow', `${api}/s`)],
    request: { url: '/s', headers: { 'x-mock-response-delay': '80' } },
    expect: { example: 'slow', minDelay: 75 },
  },
  // §5 private mocks
  {
    id: 'private mock without key',
    rule: '§5',
    options: { private: true, apiKeys: ['PMAK-1'] },
    examples: [ex('p', `${api}/p`)],
    request: { url: '/p' },
    expect: { unauthorized: true },
  },
  {
    id: 'private mock with a wrong key',
    rule: '§5',
    options: { private: true, apiKeys: ['PMAK-1'] },
    examples: [ex('p', `${api}/p`)],
    request: { url: '/p', headers: { 'x-api-key': 'PMAK-2' } },
    expect: { unauthorized: true },
  },
  {
    id: 'private mock with the key',
    rule: '§5',
    options: { private: true, apiKeys: ['PMAK-1'] },
    examples: [ex('p', `${api}/p`)],
    request: { url: '/p', headers: { 'x-api-key': 'PMAK-1' } },
    expect: { example: 'p' },
  },
  {
    id: 'api key in the query is not accepted',
    rule: '§5 #8274',
    options: { private: true, apiKeys: ['PMAK-1'] },
    examples: [ex('p', `${api}/p`)],
    request: { url: '/p?apikey=PMAK-1' },
    expect: { unauthorized: true },
  },
  {
    id: 'privateAuthError: mockNotFoundError',
    rule: '§5 #8274, §12 item 9',
    options: { private: true, apiKeys: ['PMAK-1'], privateAuthError: 'mockNotFoundError' },
    examples: [ex('p', `${api}/p`)],
    request: { url: '/p' },
    expect: {
      status: 404,
      body: '{"error":{"name":"mockNotFoundError","message":"Please refresh and try again."}}',
    },
  },
  // §4.7 server responses, §4.1 status coercion, §12 name scope
  {
    id: 'active server response answers every call',
    rule: '§4.7',
    options: { serverResponse: { statusCode: 503, body: '{"down":true}' } },
    examples: [ex('p', `${api}/p`)],
    request: { url: '/p' },
    expect: { status: 503, body: '{"down":true}' },
  },
  {
    id: 'coerceUnknownStatusTo200',
    rule: '§4.1 #9249',
    options: { coerceUnknownStatusTo200: true },
    examples: [ex('449', `${api}/c`, { code: 449 })],
    request: { url: '/c' },
    expect: { status: 200, example: '449' },
  },
  {
    id: 'coerceUnknownStatusTo200 keeps known codes',
    rule: '§4.1',
    options: { coerceUnknownStatusTo200: true },
    examples: [ex('teapot', `${api}/c`, { code: 418 })],
    request: { url: '/c' },
    expect: { status: 418 },
  },
  {
    id: "nameLookupScope: 'request' stays on the path",
    rule: '§12 item 12',
    options: { nameLookupScope: 'request' },
    examples: [
      ex('200', `${api}/callOne`, { body: 'one', request: 'one' }),
      ex('200', `${api}/callTwo`, { body: 'two', request: 'two', id: 'z' }),
    ],
    request: { url: '/callTwo', headers: { 'x-mock-response-name': '200' } },
    expect: { body: 'two' },
  },
  {
    id: 'limits: usage quota reached → 429 usageLimitError',
    rule: '§5',
    options: { limits: { totalCalls: 0 } },
    examples: [ex('p', `${api}/p`)],
    request: { url: '/p' },
    expect: {
      status: 429,
      body: '{"error":{"name":"usageLimitError","message":"Usage limit reached. Contact your team admin."}}',
    },
  },
  // origins
  {
    id: 'mockIds restricts hosts',
    rule: 'options',
    options: { mockIds: ['other'] },
    examples: [ex('p', `${api}/p`)],
    request: { url: '/p' },
    expect: { unserved: true },
  },
  {
    id: 'baseUrls: app origin served',
    rule: 'options',
    options: { baseUrls: ['https://app.test'] },
    examples: [ex('p', `${api}/p`)],
    request: { url: 'https://app.test/p' },
    expect: { example: 'p' },
  },
  {
    id: 'baseUrls: base path stripped',
    rule: 'options',
    options: { baseUrls: ['http://localhost:3000/api'] },
    examples: [ex('p', `${api}/p`)],
    request: { url: 'http://localhost:3000/api/p' },
    expect: { example: 'p' },
  },
  {
    id: 'baseUrls: outside the base path',
    rule: 'options',
    options: { baseUrls: ['http://localhost:3000/api'] },
    examples: [ex('p', `${api}/p`)],
    request: { url: 'http://localhost:3000/p' },
    expect: { unserved: true },
  },
  {
    id: 'other origins are not served',
    rule: 'origins',
    examples: [ex('p', `${api}/p`)],
    request: { url: 'https://api.example.com/p' },
    expect: { unserved: true },
  },
  // §8 formats
  {
    id: 'string request = GET',
    rule: '§8.1',
    collection: {
      info: { name: 's', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        { name: 'r', request: `${api}/s`, response: [{ name: 'str', code: 200, body: 'string request' }] },
      ],
    },
    request: { url: '/s' },
    expect: { body: 'string request' },
  },
  {
    id: 'string originalRequest',
    rule: '§8.1',
    collection: {
      info: { name: 's', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        {
          name: 'r',
          request: { method: 'GET', url: `${api}/x` },
          response: [{ name: 'str', code: 200, originalRequest: `${api}/s?z=1`, body: 'string url' }],
        },
      ],
    },
    request: { url: '/s?z=1' },
    expect: { body: 'string url' },
  },
  {
    id: 'folders at any depth',
    rule: '§3.1',
    examples: [ex('deep', `${api}/deep`, { folder: ['a', 'b', 'c', 'd'] })],
    request: { url: '/deep' },
    expect: { example: 'deep' },
  },
  {
    id: 'missing code means 200',
    rule: '§4.1',
    collection: {
      info: { name: 's', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [{ name: 'r', request: `${api}/s`, response: [{ name: 'nocode', body: 'x' }] }],
    },
    request: { url: '/s' },
    expect: { status: 200, body: 'x' },
  },
  {
    id: 'v1 collection',
    rule: '§8.3',
    collection: {
      id: 'c1',
      name: 'v1',
      order: ['r1'],
      folders: [],
      requests: [
        {
          id: 'r1',
          name: 'r',
          url: `${api}/v1thing?x=1`,
          method: 'GET',
          headers: '',
          responses: [
            {
              id: 'e1',
              name: 'v1 ex',
              responseCode: { code: 201, name: 'Created' },
              headers: [],
              text: 'from v1',
              request: 'r1',
            },
          ],
        },
      ],
    },
    request: { url: '/v1thing?x=1' },
    expect: { status: 201, statusText: 'Created', body: 'from v1' },
  },
  {
    id: 'v2.0 collection with auth map',
    rule: '§8.2',
    collection: {
      info: { name: 'v2', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
      auth: { type: 'basic', basic: { username: 'u', password: 'p' } },
      item: [
        {
          name: 'r',
          request: { url: `${api}/two`, method: 'GET' },
          response: [
            {
              name: 'v2 ex',
              code: 200,
              body: 'from v2.0',
              originalRequest: { url: `${api}/two`, method: 'GET' },
            },
          ],
        },
      ],
    },
    request: { url: '/two' },
    expect: { body: 'from v2.0' },
  },
]

/** Builds the collection of a case. */
export function caseCollection(c: ConformanceCase): unknown {
  return c.collection ?? collectionOf(c.examples ?? [], c.variables)
}

/** Builds the Fetch request of a case. */
export function caseRequest(c: ConformanceCase): Request {
  const url = c.request.url.startsWith('http') ? c.request.url : `${MOCK}${c.request.url}`
  return new Request(url, {
    method: c.request.method ?? 'GET',
    headers: c.request.headers,
    body: c.request.body,
  })
}
