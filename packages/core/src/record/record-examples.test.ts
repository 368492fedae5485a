import { describe, expect, it } from 'vitest'
import { createPostmanMock } from '../mock/create-postman-mock.js'
import { contentId } from './content-id.js'
import { formatJson, jsonLayoutOf } from './json-format.js'
import { recordExamples } from './record-examples.js'
import type { RecordedExchange } from './types.js'

const TARGET = 'https://staging.api.example.com'
// biome-ignore lint/suspicious/noExplicitAny: parsed collection JSON, read field by field
type Json = any

function collection() {
  return {
    info: { name: 'API', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      {
        name: 'Users',
        item: [
          {
            name: 'Get user',
            request: {
              method: 'GET',
              header: [],
              url: { raw: '{{baseUrl}}/users/:id', host: ['{{baseUrl}}'], path: ['users', ':id'] },
            },
            response: [
              {
                id: 'saved-1',
                name: 'OK',
                originalRequest: { method: 'GET', url: '{{baseUrl}}/users/1' },
                status: 'OK',
                code: 200,
                _postman_previewlanguage: 'json',
                header: [
                  { key: 'Content-Type', value: 'application/json' },
                  { key: 'Date', value: 'Mon, 01 Jan 2024 00:00:00 GMT' },
                ],
                body: '{"id":1,"name":"Ada"}',
              },
            ],
          },
          { name: 'Me', request: { method: 'GET', url: '{{baseUrl}}/users/me' }, response: [] },
        ],
      },
      {
        name: 'Create order',
        request: { method: 'POST', url: 'https://api.example.com/orders' },
        response: [],
      },
    ],
    variable: [{ key: 'baseUrl', value: 'https://api.example.com' }],
  }
}

function exchange(
  method: string,
  url: string,
  status: number,
  body: string,
  extra: Partial<RecordedExchange> = {},
): RecordedExchange {
  return {
    request: { method, url, headers: { accept: 'application/json', 'user-agent': 'node' } },
    response: { status, statusText: '', headers: { 'content-type': 'application/json', date: 'now' }, body },
    ...extra,
  }
}

describe('recordExamples: placement', () => {
  it('puts an answer under the item whose saved URL matches, :var segments as wildcards', () => {
    const { collection: out, changes } = recordExamples(
      collection(),
      [exchange('GET', `${TARGET}/users/42`, 200, '{"id":42}')],
      {
        target: TARGET,
      },
    )
    expect(changes[0]).toMatchObject({
      kind: 'added',
      newItem: false,
      request: 'Get user',
      name: '200 OK',
      location: 'item[0].item[0].response[1]',
    })
    const example = (out as Json).item[0].item[0].response[1]
    expect(example.originalRequest.url.raw).toBe('{{baseUrl}}/users/42')
    expect(example.originalRequest.header).toEqual([{ key: 'Accept', value: 'application/json' }])
    expect(example.header).toEqual([{ key: 'Content-Type', value: 'application/json' }])
    expect(example.id).toBe(changes[0]!.id)
  })

  it('prefers the item with more literal segments (/users/me over /users/:id)', () => {
    const { changes } = recordExamples(collection(), [exchange('GET', `${TARGET}/users/me`, 200, '{}')], {
      target: TARGET,
    })
    expect(changes[0]!.request).toBe('Me')
  })

  it('matches a literal-host item by its full path and keeps the URL as sent', () => {
    const { collection: out, changes } = recordExamples(
      collection(),
      [exchange('POST', 'https://api.example.com/orders', 201, '{"id":"o1"}')],
      { target: 'https://api.example.com' },
    )
    expect(changes[0]).toMatchObject({ request: 'Create order', name: '201 Created' })
    expect((out as Json).item[1].response[0].originalRequest.url.raw).toBe('https://api.example.com/orders')
  })

  it('creates an item in a "Recorded" folder for a request no item matches, in the {{baseUrl}} form', () => {
    const { collection: out, changes } = recordExamples(
      collection(),
      [
        exchange('DELETE', `${TARGET}/v1/sessions/9?x=1`, 204, ''),
        exchange('DELETE', `${TARGET}/v1/sessions/9?x=1`, 204, ''),
      ],
      { target: `${TARGET}/v1` },
    )
    expect(changes.map((c) => c.kind)).toEqual(['added', 'unchanged'])
    const folder = (out as Json).item[2]
    expect(folder.name).toBe('Recorded')
    expect(folder.item[0].name).toBe('DELETE /sessions/9')
    expect(folder.item[0].request.url.raw).toBe('{{baseUrl}}/sessions/9?x=1')
    expect(folder.item[0].response).toHaveLength(1)
  })

  it('writes a new item of a collection without {{variables}} as {{baseUrl}}/<path below the target>', () => {
    const { collection: out } = recordExamples(
      { info: { name: 'empty' }, item: [] },
      [exchange('GET', `${TARGET}/v1/things/1?x=2`, 200, '{}')],
      { target: `${TARGET}/v1` },
    )
    const item = (out as Json).item[0].item[0]
    expect(item.request.url).toEqual({
      raw: '{{baseUrl}}/things/1?x=2',
      host: ['{{baseUrl}}'],
      path: ['things', '1'],
      query: [{ key: 'x', value: '2' }],
    })
  })

  it('names examples "<code> <reason>" uniquely within the item', () => {
    const { changes } = recordExamples(
      collection(),
      [
        exchange('GET', `${TARGET}/users/2`, 200, '{"id":2}'),
        exchange('GET', `${TARGET}/users/3`, 200, '{"id":3}'),
        exchange('GET', `${TARGET}/users/4`, 404, '{}'),
      ],
      { target: TARGET },
    )
    expect(changes.map((c) => c.name)).toEqual(['200 OK', '200 OK (2)', '404 Not Found'])
  })

  it('leaves the input untouched and gives the same id for the same content', () => {
    const input = collection()
    const before = JSON.stringify(input)
    const first = recordExamples(input, [exchange('GET', `${TARGET}/users/42`, 200, '{"id":42}')], {
      target: TARGET,
    })
    expect(JSON.stringify(input)).toBe(before)
    const again = recordExamples(
      first.collection,
      [exchange('GET', `${TARGET}/users/42`, 200, '{"id":42}')],
      { target: TARGET },
    )
    expect(again.changed).toBe(false)
    expect(again.changes[0]!.id).toBe(first.changes[0]!.id)
    expect(JSON.stringify(again.collection)).toBe(JSON.stringify(first.collection))
    expect(contentId('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(contentId('a')).not.toBe(contentId('b'))
  })
})

describe("recordExamples: record 'all' refreshes the example that answered", () => {
  const replaces = { location: 'item[0].item[0].response[0]', name: 'OK', id: 'saved-1' }

  it('changes nothing when the API gives the same answer (volatile headers ignored)', () => {
    const input = collection()
    const result = recordExamples(
      input,
      [exchange('GET', `${TARGET}/users/1`, 200, '{"id":1,"name":"Ada"}', { replaces })],
      { target: TARGET },
    )
    expect(result.changes[0]).toMatchObject({ kind: 'unchanged', id: 'saved-1', location: replaces.location })
    expect(JSON.stringify(result.collection)).toBe(JSON.stringify(input))
  })

  it('refreshes code, body and headers in place, keeping name, id, request and key order', () => {
    const result = recordExamples(
      collection(),
      [exchange('GET', `${TARGET}/users/1`, 200, '{"id":"1","name":"Ada"}', { replaces })],
      { target: TARGET },
    )
    expect(result.changes[0]!.kind).toBe('replaced')
    const example = (result.collection as Json).item[0].item[0].response[0]
    expect(Object.keys(example)).toEqual(Object.keys(collection().item[0]!.item![0]!.response![0]!))
    expect(example).toMatchObject({ id: 'saved-1', name: 'OK', body: '{"id":"1","name":"Ada"}' })
    expect(example.originalRequest).toEqual({ method: 'GET', url: '{{baseUrl}}/users/1' })
    expect(example.header[1]).toEqual({ key: 'Date', value: 'Mon, 01 Jan 2024 00:00:00 GMT' })
  })

  it('finds the example by id when its location moved, else adds a new one', () => {
    const moved = recordExamples(
      collection(),
      [
        exchange('GET', `${TARGET}/users/1`, 500, '', {
          replaces: { ...replaces, location: 'item[5].response[0]' },
        }),
      ],
      { target: TARGET },
    )
    expect(moved.changes[0]).toMatchObject({ kind: 'replaced', location: 'item[0].item[0].response[0]' })
    const lost = recordExamples(
      collection(),
      [
        exchange('GET', `${TARGET}/users/1`, 500, '', {
          replaces: { location: 'item[9].response[0]', id: 'nope' },
        }),
      ],
      { target: TARGET },
    )
    expect(lost.changes[0]).toMatchObject({ kind: 'added', name: '500 Internal Server Error' })
  })
})

describe('recordExamples: secrets never land', () => {
  it('redacts the default headers and query keys, and the redact option', () => {
    const secret: RecordedExchange = {
      request: {
        method: 'POST',
        url: `${TARGET}/users/7?apikey=k1&api_key=k2&access_token=t&sig=s&page=2`,
        headers: [
          ['Authorization', 'Bearer abc'],
          ['Cookie', 'sid=1'],
          ['X-Api-Key', 'key'],
          ['Proxy-Authorization', 'Basic x'],
          ['X-Session', 'sess'],
          ['Content-Type', 'application/json'],
        ],
        body: '{"password":"p","name":"n"}',
      },
      response: {
        status: 200,
        headers: [
          ['content-type', 'application/json'],
          ['set-cookie', 'sid=2'],
          ['x-session', 'sess'],
        ],
        body: '{\n  "token": "t",\n  "users": [{ "email": "a@b", "id": 1 }]\n}',
      },
    }
    const { collection: out } = recordExamples(collection(), [secret], {
      target: TARGET,
      redact: {
        headers: ['x-session'],
        query: ['sig'],
        jsonPaths: ['$.token', '$.users[*].email', '$..password'],
      },
    })
    const text = JSON.stringify(out)
    for (const value of [
      'Bearer abc',
      'sid=1',
      'sid=2',
      'value":"key"',
      'Basic x',
      'sess',
      'k1',
      'k2',
      'access_token=t',
      'sig=s',
      '"p"',
      'a@b',
      '"t"',
    ])
      expect(text).not.toContain(value)
    const example = (out as Json).item[2].item[0].response[0]
    expect(example.originalRequest.url.raw).toBe(
      '{{baseUrl}}/users/7?apikey={{redacted}}&api_key={{redacted}}&access_token={{redacted}}&sig={{redacted}}&page=2',
    )
    expect(example.body).toBe(
      '{\n  "token": "{{redacted}}",\n  "users": [\n    {\n      "email": "{{redacted}}",\n      "id": 1\n    }\n  ]\n}',
    )
    expect(example.originalRequest.body.raw).toBe('{"password":"{{redacted}}","name":"n"}')
  })

  it('names a JSON path it cannot read', () => {
    expect(() => recordExamples(collection(), [], { redact: { jsonPaths: ['$.a[x'] } })).toThrow(
      /\[postmock\].*redact\.jsonPaths/,
    )
  })
})

describe('recorded examples answer their own requests', () => {
  it('loads back with createPostmanMock', async () => {
    const { collection: out } = recordExamples(
      collection(),
      [
        exchange('GET', `${TARGET}/users/42`, 200, '{"id":42}'),
        exchange('PATCH', `${TARGET}/things/5`, 202, '{"ok":true}'),
      ],
      { target: TARGET },
    )
    const mock = createPostmanMock(out, {
      baseUrls: [TARGET],
      variables: { baseUrl: TARGET },
      onWarning: () => {},
    })
    const user = await mock.respond(new Request(`${TARGET}/users/42`))
    expect(await user?.json()).toEqual({ id: 42 })
    const thing = await mock.respond(new Request(`${TARGET}/things/5`, { method: 'PATCH' }))
    expect(thing?.status).toBe(202)
  })
})

/** Whether every line of `before` is still in `after`, in order (the change only inserted lines). */
function onlyInserted(before: string, after: string): boolean {
  const lines = after.split(/\r?\n/)
  let at = 0
  for (const line of before.split(/\r?\n/)) {
    while (at < lines.length && lines[at] !== line) at++
    if (at++ >= lines.length) return false
  }
  return true
}

describe('formatJson keeps the layout', () => {
  it.each([
    ['tabs, no final newline', (v: unknown) => JSON.stringify(v, null, '\t')],
    ['2 spaces and a newline', (v: unknown) => `${JSON.stringify(v, null, 2)}\n`],
    ['4 spaces, CRLF', (v: unknown) => `${JSON.stringify(v, null, 4).replace(/\n/g, '\r\n')}\r\n`],
  ])('%s: round trip is byte-identical, one example only inserts lines', (_, write) => {
    const original = write(collection())
    const layout = jsonLayoutOf(original)
    expect(formatJson(JSON.parse(original), layout)).toBe(original)
    const { collection: out } = recordExamples(
      JSON.parse(original),
      [exchange('GET', `${TARGET}/users/42`, 200, '{}')],
      {
        target: TARGET,
      },
    )
    const next = formatJson(out, layout)
    expect(onlyInserted(original, next)).toBe(true)
    expect(next.split('\n').length - original.split('\n').length).toBeLessThan(40)
    expect(next.endsWith('}')).toBe(original.endsWith('}'))
  })

  it('keeps a one-line file on one line', () => {
    const original = JSON.stringify(collection())
    expect(formatJson(JSON.parse(original), jsonLayoutOf(original))).toBe(original)
  })
})
