import { describe, expect, test } from 'vitest'
import { createPostmanMock } from '../index.js'
import { PostmockError, type PostmockWarning } from '../messages.js'

/** A v1 request with one saved response. */
const v1Request = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Request ${id}`,
  url: `https://x.test/${id}`,
  method: 'GET',
  responses: [{ id: `${id}-ok`, name: 'ok', responseCode: { code: 200, name: 'OK' }, text: `"${id}"` }],
  ...extra,
})

function load(collection: Record<string, unknown>, strict = false) {
  const warnings: PostmockWarning[] = []
  const mock = createPostmanMock(
    { id: 'c', name: 'v1', order: [], ...collection },
    { strict, onWarning: (w) => warnings.push(w) },
  )
  return { mock, warnings }
}

describe('v1 JSON locations point into the v1 file', () => {
  const collection = {
    folders: [{ id: 'f', name: 'Folder', order: ['b'] }],
    order: ['a'],
    requests: [
      v1Request('a'),
      v1Request('b', {
        responses: [
          { id: 'b1', name: 'first', responseCode: { code: 200 } },
          {
            id: 'b2',
            name: 'second',
            code: 404,
            request: { url: 'https://x.test/b/missing', method: 'GET' },
          },
        ],
      }),
    ],
  }

  test('examples, calls() and unused() name requests[i].responses[j]', async () => {
    const { mock } = load(collection)
    expect(mock.examples.map((e) => [e.name, e.folders, e.location])).toEqual([
      ['first', ['Folder'], 'requests[1].responses[0]'],
      ['second', ['Folder'], 'requests[1].responses[1]'],
      ['ok', [], 'requests[0].responses[0]'],
    ])
    await mock.respond(new Request('https://m.mock.pstmn.io/a'))
    expect(mock.calls()[0]!.example?.location).toBe('requests[0].responses[0]')
    expect(mock.unused().map((e) => e.location)).toEqual([
      'requests[1].responses[0]',
      'requests[1].responses[1]',
    ])
  })

  test("warnings name the v1 field: responseCode.code, text, the saved request's url or the request's", () => {
    const { warnings } = load({
      requests: [
        v1Request('a', {
          responses: [
            { name: 'bad code', responseCode: { code: 'abc' } },
            { name: 'bad code 2', code: 1000 },
            { name: 'bad text', text: { a: 1 } },
            { name: 'bad saved url', request: { url: 5 } },
          ],
        }),
        v1Request('b', { url: ['x'], method: 7 }),
      ],
    })
    expect(warnings.map((w) => w.path)).toEqual([
      'requests[0].responses[0].responseCode.code',
      'requests[0].responses[1].code',
      'requests[0].responses[2].text',
      'requests[0].responses[3].request.url',
      'requests[1].method',
    ])
  })

  test('the collection variables are variables[i]', () => {
    const { warnings } = load({
      variables: [{ key: 'a', value: '{{a}}{{a}}' }],
      requests: [v1Request('a', { url: 'https://x.test/{{a}}' })],
    })
    expect(warnings.map((w) => w.path)).toEqual(['variables[0].value'])
  })
})

describe('v1 fields of the wrong shape', () => {
  test('lists that are objects or strings are skipped with a warning; the rest loads', () => {
    const { mock, warnings } = load({
      folders: { id: 'f' },
      folders_order: 'f',
      order: 'ab',
      requests: [
        v1Request('a', { responses: { 0: 'x' } }),
        v1Request('b', {
          headerData: 'x',
          pathVariables: 'x',
          pathVariableData: 3,
          data: 'x',
          dataMode: 'urlencoded',
        }),
        'not a request',
        v1Request('c', { responses: [null, 'x', v1Request('c').responses[0]] }),
      ],
    })
    expect(mock.examples.map((e) => e.location)).toEqual([
      'requests[1].responses[0]',
      'requests[3].responses[2]',
    ])
    expect(warnings.map((w) => w.path)).toEqual([
      'requests[2]',
      'folders',
      'folders_order',
      'order',
      'requests[0].responses',
      'requests[3].responses[0]',
      'requests[3].responses[1]',
    ])
    expect(warnings[1]!.message).toBe(
      '[postmock] Failed to read the collection: folders: expected an array of folders, got an object. It was skipped with what it holds.',
    )
  })

  test('folder lists of the wrong shape name their folder', () => {
    const { warnings } = load({
      folders: [{ id: 'f', name: 'F', order: { a: 1 }, folders_order: 5 }, 7],
      requests: [v1Request('a')],
    })
    expect(warnings.map((w) => w.path)).toEqual([
      'folders[0].order',
      'folders[0].folders_order',
      'folders[1]',
    ])
  })

  test('requests that is not an array is an error naming it', () => {
    let error: unknown
    try {
      load({ requests: { a: 1 } })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(PostmockError)
    expect((error as PostmockError).path).toBe('requests')
    expect((error as Error).message).toContain(
      '$.requests: expected an array of requests (a v1 collection), got an object',
    )
  })

  test('strict: true throws at the first skipped list', () => {
    expect(() => load({ folders: 'x', requests: [v1Request('a')] }, true)).toThrow(
      expect.objectContaining({ path: 'folders', code: 'INVALID_COLLECTION' }),
    )
  })
})

describe('v1 folders nested through folders_order', () => {
  test('10,000 levels deep: converted without recursion, read down to the folder limit', () => {
    const folders = Array.from({ length: 10_000 }, (_, i) => ({
      id: `f${i}`,
      name: `F${i}`,
      folders_order: i + 1 < 10_000 ? [`f${i + 1}`] : [],
      order: i === 10 ? ['a'] : [],
    }))
    const { mock, warnings } = load({ folders, folders_order: ['f0'], requests: [v1Request('a')] })
    expect(mock.examples.map((e) => [e.location, e.folders.length])).toEqual([
      ['requests[0].responses[0]', 11],
    ])
    expect(warnings.map((w) => w.path)).toEqual(['folders[1000]'])
  })

  test('folders that list each other are placed once', () => {
    const { mock, warnings } = load({
      folders: [
        { id: 'x', name: 'X', folders_order: ['y'], order: ['a'] },
        { id: 'y', name: 'Y', folders_order: ['x'], order: ['b'] },
      ],
      folders_order: ['x'],
      requests: [v1Request('a'), v1Request('b')],
    })
    expect(mock.examples.map((e) => [e.location, e.folders])).toEqual([
      ['requests[1].responses[0]', ['X', 'Y']],
      ['requests[0].responses[0]', ['X']],
    ])
    expect(warnings).toEqual([])
  })
})
