import { describe, expect, test } from 'vitest'
import { createPostmanMock } from '../index.js'
import { PostmockError, type PostmockWarning } from '../messages.js'

const schema = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
const item = (response: unknown[]) => ({
  name: 'Get user',
  request: { method: 'GET', url: 'https://x.test/users' },
  response,
})

function thrown(fn: () => unknown): PostmockError {
  try {
    fn()
  } catch (error) {
    if (error instanceof PostmockError) return error
    throw error
  }
  throw new Error('expected a PostmockError')
}

describe('malformed collections', () => {
  test('invalid JSON text names the problem and what to do', () => {
    const error = thrown(() => createPostmanMock('{"info": '))
    expect(error.code).toBe('INVALID_COLLECTION')
    expect(error.message).toMatch(
      /^\[postmock\] Failed to read the collection: it is not valid JSON \(.+\)\. Export the collection again/,
    )
  })

  test('a non-object is refused at $', () => {
    const error = thrown(() => createPostmanMock(42))
    expect(error.path).toBe('$')
    expect(error.message).toContain('$: expected a Postman collection object, got number 42')
  })

  test('an environment passed as a collection is recognised', () => {
    const error = thrown(() => createPostmanMock({ name: 'env', values: [] }))
    expect(error.message).toContain('$.item: expected an array of items')
    expect(error.message).toContain('not an environment')
  })

  test('item must be an array, with its JSON path', () => {
    const error = thrown(() =>
      createPostmanMock({ info: { name: 'x', schema }, item: [{ name: 'f', item: 'nope' }] }),
    )
    expect(error.path).toBe('item[0].item')
    expect(error.message).toContain('item[0].item: expected an array of items, got "nope"')
  })

  test('a malformed example is skipped with a warning naming its JSON path; the rest load', () => {
    const warnings: PostmockWarning[] = []
    const mock = createPostmanMock(
      {
        info: { name: 'x', schema },
        item: [
          {
            name: 'folder',
            item: [
              item([
                { name: 'ok', code: 200 },
                { name: 'bad', code: 'abc' },
              ]),
            ],
          },
        ],
      },
      { onWarning: (w) => warnings.push(w) },
    )
    expect(mock.examples.map((e) => e.name)).toEqual(['ok'])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.path).toBe('item[0].item[0].response[1].code')
    expect(warnings[0]!.message).toBe(
      '[postmock] Failed to load an example: item[0].item[0].response[1].code: expected an integer status code (100–599), got "abc". It was skipped, as Postman skips it.',
    )
    expect(mock.warnings).toEqual(warnings)
  })

  test('strict: true turns a malformed example into an error', () => {
    const error = thrown(() =>
      createPostmanMock(
        { info: { name: 'x', schema }, item: [item([{ name: 'bad', code: 'abc' }])] },
        { strict: true },
      ),
    )
    expect(error.code).toBe('INVALID_EXAMPLE')
    expect(error.path).toBe('item[0].response[0].code')
  })

  test('other malformed parts are named too', () => {
    const warnings: PostmockWarning[] = []
    createPostmanMock(
      {
        info: { name: 'x', schema },
        item: [
          item([
            'not an object',
            { name: 'b', body: { a: 1 } },
            { name: 'c', originalRequest: { url: 5 } },
            { name: 'd', originalRequest: { url: 'https://x.test/', method: 7 } },
          ]),
          { name: 'r', response: {} },
        ],
      },
      { onWarning: (w) => warnings.push(w) },
    )
    expect(warnings.map((w) => w.path)).toEqual([
      'item[0].response[0]',
      'item[0].response[1].body',
      'item[0].response[2].originalRequest.url',
      'item[0].response[3].originalRequest.method',
      'item[1].response',
    ])
  })

  test('an invalid environment names the option', () => {
    const error = thrown(() =>
      createPostmanMock({ info: { name: 'x', schema }, item: [] }, { environment: { values: 'x' } as never }),
    )
    expect(error.code).toBe('INVALID_ENVIRONMENT')
    expect(error.message).toContain('environment.values: expected an array')
  })
})

describe('examples list', () => {
  test('lists request name, folders, method, path, code, name, id and JSON location', () => {
    const mock = createPostmanMock({
      info: { name: 'x', schema },
      item: [
        {
          name: 'Users',
          item: [
            {
              name: 'Admins',
              item: [
                {
                  name: 'Get admin',
                  request: { method: 'get', url: 'https://x.test/admins/:id?full=1', header: [] },
                  response: [
                    {
                      id: 'r1',
                      uid: '123-r1',
                      name: 'ok',
                      code: 200,
                      originalRequest: {
                        method: 'get',
                        url: {
                          raw: 'https://x.test/admins/:id?full=1',
                          variable: [{ key: 'id', value: '9' }],
                          query: [{ key: 'full', value: '1' }],
                        },
                      },
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    })
    expect(mock.examples).toEqual([
      {
        request: 'Get admin',
        folders: ['Users', 'Admins'],
        method: 'GET',
        path: '/admins/9',
        query: 'full=1',
        code: 200,
        name: 'ok',
        id: 'r1',
        uid: '123-r1',
        location: 'item[0].item[0].item[0].response[0]',
      },
    ])
  })
})
