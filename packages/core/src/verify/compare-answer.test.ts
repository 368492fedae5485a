import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compareAnswer } from './compare-answer.js'
import { contentFamily } from './content-family.js'

const JSON_TYPE = 'application/json; charset=utf-8'
const json = (value: unknown, status = 200) => ({
  status,
  contentType: JSON_TYPE,
  body: JSON.stringify(value),
})
const texts = (example: unknown, actual: unknown, options = {}) =>
  compareAnswer(json(example), json(actual), options).differences.map((d) => d.text)

describe('compareAnswer: JSON shape', () => {
  test('values may differ; keys and types may not', () => {
    expect(texts({ id: 1, email: 'a@b.c' }, { id: 2, email: 'x@y.z' })).toEqual([])
    expect(texts({ id: 1, email: 'a@b.c' }, { id: '1' })).toEqual(['$.id number → string', '$.email missing'])
    expect(texts({ id: 1 }, { id: 1, extra: true })).toEqual(['$.extra unexpected'])
  })

  test('extra keys pass with allowExtraKeys', () => {
    expect(texts({ id: 1 }, { id: 1, extra: { a: 1 } }, { allowExtraKeys: true })).toEqual([])
  })

  test('nested paths, odd keys and arrays by their elements', () => {
    expect(
      texts(
        { user: { 'first name': 'A', tags: ['x'] }, items: [{ id: 1, price: 2.5 }] },
        { user: { 'first name': 1, tags: [2] }, items: [{ id: 1 }, { id: 2, price: '2.50' }] },
      ),
    ).toEqual([
      "$.user['first name'] string → number",
      '$.user.tags[*] string → number',
      '$.items[*].price number → string',
    ])
  })

  test('an array is the union of its elements; an empty array goes with any', () => {
    expect(texts({ list: [{ a: 1 }, { b: 'x' }] }, { list: [{ a: 2, b: 'y' }] })).toEqual([])
    expect(texts({ list: [{ a: 1 }] }, { list: [{ c: 1 }] })).toEqual([
      '$.list[*].a missing',
      '$.list[*].c unexpected',
    ])
    expect(texts({ list: [] }, { list: [{ anything: 1 }] })).toEqual([])
    expect(texts({ list: [1, 2] }, { list: [] })).toEqual([])
    expect(texts({ list: [1, 'a'] }, { list: [2] })).toEqual([])
    expect(texts([{ id: 1 }], { id: 1 })).toEqual(['$ array → object'])
  })

  test('null goes with any type unless strictNull', () => {
    expect(texts({ middle: null, n: 1 }, { middle: 'B', n: null })).toEqual([])
    expect(texts({ middle: null }, { middle: 'B' }, { strictNull: true })).toEqual(['$.middle null → string'])
  })

  test('unrendered {{tokens}} in the example go with any type', () => {
    const example = {
      status: 200,
      contentType: JSON_TYPE,
      body: '{"id": {{$randomInt}}, "name": "{{$randomFirstName}}"}',
    }
    expect(compareAnswer(example, json({ id: 7, name: 'Ann' })).differences).toEqual([])
    expect(compareAnswer(example, json({ id: 7, name: 3 })).differences.map((d) => d.text)).toEqual([
      '$.name string → number',
    ])
  })

  test('a body that is not JSON where JSON is expected', () => {
    const result = compareAnswer(json({ a: 1 }), { status: 200, contentType: JSON_TYPE, body: '<html>' })
    expect(result.differences).toEqual([
      { path: '$', kind: 'not-json', expected: 'json', actual: 'not JSON', text: '$ not JSON' },
    ])
  })
})

describe('compareAnswer: status and content type', () => {
  test('status first; the body of another status is not compared', () => {
    const result = compareAnswer(json({ id: 1 }), json({ error: 'nope' }, 404))
    expect(result).toEqual({
      ok: false,
      example: undefined,
      differences: [
        { path: 'status', kind: 'status', expected: '200', actual: '404', text: 'status 200 → 404' },
      ],
    })
  })

  test('content-type families', () => {
    const html = { status: 200, contentType: 'text/html', body: '<p>hi</p>' }
    expect(compareAnswer(json({ id: 1 }), html).differences.map((d) => d.text)).toEqual([
      'content-type json → html',
    ])
    const problem = { status: 200, contentType: 'application/problem+json', body: '{"id":2}' }
    expect(compareAnswer(json({ id: 1 }), problem).ok).toBe(true)
    const noType = { status: 200, contentType: undefined, body: '{"id":2}' }
    expect(compareAnswer(json({ id: 1 }), noType).differences.map((d) => d.text)).toEqual([
      'content-type json → none',
    ])
    // an example that says nothing about its type: the family is not compared
    expect(compareAnswer({ status: 200, contentType: undefined, body: 'hello' }, html).ok).toBe(true)
    // the preview language stands in for a missing header
    const xmlExample = { status: 200, contentType: undefined, body: '<a/>', previewLanguage: 'xml' }
    expect(compareAnswer(xmlExample, { status: 200, contentType: 'text/xml', body: '<b/>' }).ok).toBe(true)
  })

  test('a HEAD answer has no body to compare', () => {
    const result = compareAnswer(json({ id: 1 }), {
      status: 200,
      contentType: JSON_TYPE,
      body: '',
      method: 'HEAD',
    })
    expect(result.ok).toBe(true)
  })

  test('contentFamily', () => {
    expect(
      [
        'application/vnd.api+json',
        'text/json',
        'application/xhtml+xml',
        'application/atom+xml',
        'text/csv',
        'image/png',
        'application/pdf',
        'nonsense',
        undefined,
      ].map(contentFamily),
    ).toEqual(['json', 'json', 'html', 'xml', 'text', 'image', 'application/pdf', undefined, undefined])
  })
})

describe('compareAnswer: properties', () => {
  const jsonValue = fc.jsonValue({ maxDepth: 4 })

  test('an answer identical to its example never drifts', () => {
    fc.assert(
      fc.property(jsonValue, fc.integer({ min: 100, max: 599 }), (value, status) => {
        const answer = json(value, status)
        expect(compareAnswer(answer, { ...answer }, { strictNull: true }).differences).toEqual([])
      }),
    )
  })

  test('changing values but not types never drifts', () => {
    // the same value with every string, number and boolean replaced keeps its shape
    const blur = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(blur)
      if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blur(v)]))
      if (typeof value === 'string') return `${value}!`
      if (typeof value === 'number') return value + 1
      if (typeof value === 'boolean') return !value
      return value
    }
    fc.assert(
      fc.property(jsonValue, (value) => {
        expect(compareAnswer(json(value), json(blur(value)), { strictNull: true }).ok).toBe(true)
      }),
    )
  })

  test('removing a key of an object is reported at its path', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1 }),
        (object) => {
          const [key] = Object.keys(object)
          const { [key!]: _removed, ...rest } = object
          const result = compareAnswer(json(object), json(rest))
          expect(result.differences.filter((d) => d.kind === 'missing').length).toBe(1)
        },
      ),
    )
  })
})
