import type { ExampleInfo } from '@postmock/core'
import { describe, expect, it } from 'vitest'
import { analyse } from './analyse.js'
import { atJsonPath, bodyKey, hasJsonContentType } from './body-key.js'

let n = 0
function example(over: Partial<ExampleInfo>): ExampleInfo {
  n++
  return {
    request: 'Get user',
    folders: [],
    method: 'GET',
    path: '/users/1',
    query: '',
    code: 200,
    name: `example ${n}`,
    id: undefined,
    uid: undefined,
    location: `item[0].response[${n}]`,
    ...over,
  }
}

describe('analyse', () => {
  it('applies the tie rule: sorted by id, the first 200 wins, others need headers', () => {
    const examples = [
      example({ id: 'c', code: 404, name: 'missing' }),
      example({ id: 'b', code: 200, name: 'second ok' }),
      example({ id: 'a', code: 500, name: 'boom' }),
      example({ id: 'd', code: 200, name: 'third ok' }),
    ]
    const { examples: rows, warnings, notes } = analyse(examples, [], () => '')
    expect(rows.map((row) => [row.name, row.chosenBy])).toEqual([
      ['missing', 'x-mock-response-code'],
      ['second ok', 'matching'],
      ['boom', 'x-mock-response-code'],
      ['third ok', 'name-or-id'],
    ])
    expect(notes).toHaveLength(2)
    expect(warnings.map((w) => w.kind)).toEqual(['unreachable'])
  })

  it('uses collection order without ids, and keeps examples apart by query and body', () => {
    const examples = [
      example({ code: 201, name: 'first' }),
      example({ code: 201, name: 'second' }),
      example({ code: 201, name: 'with query', query: 'b=2&a=1' }),
      example({ code: 201, name: 'same query', query: 'a=1&b=2' }),
      example({ code: 201, name: 'other body', location: 'body' }),
    ]
    const { examples: rows } = analyse(examples, [], (e) => (e.location === 'body' ? 'json:{"a":1}' : ''))
    expect(rows.map((row) => row.chosenBy)).toEqual([
      'matching',
      'name-or-id',
      'matching',
      'name-or-id',
      'matching',
    ])
  })

  it('keeps examples apart when only a comma-split value separates their queries (exact wins each)', () => {
    const examples = [
      example({ id: 'a', name: 'invoices', query: 'filter=invoices' }),
      example({ id: 'b', name: 'invoices and tickets', query: 'filter=invoices,tickets' }),
    ]
    const { examples: rows, warnings } = analyse(examples, [], () => '')
    expect(rows.map((row) => row.chosenBy)).toEqual(['matching', 'matching'])
    expect(warnings).toEqual([])
  })

  it('groups queries that score alike: a pair saved twice, {{variable}} values of any name', () => {
    const examples = [
      example({ id: 'a', name: 'once', query: 'tag=a' }),
      example({ id: 'b', name: 'twice', query: 'tag=a&tag=a' }),
      example({ id: 'c', name: 'any x', query: 'q={{x}}' }),
      example({ id: 'd', name: 'any y', query: 'q={{y}}' }),
    ]
    const { examples: rows } = analyse(examples, [], () => '')
    expect(rows.map((row) => row.chosenBy)).toEqual(['matching', 'name-or-id', 'matching', 'name-or-id'])
  })

  it('flags duplicate names only within one method, and unresolved path variables once per path', () => {
    const examples = [
      example({ name: 'OK', request: 'A', path: '/a' }),
      example({ name: 'OK', request: 'B', path: '/b' }),
      example({ name: 'OK', request: 'C', path: '/c', method: 'POST' }),
      example({ name: 'x', path: '/users/{{id}}' }),
      example({ name: 'y', path: '/users/{{id}}', code: 404 }),
    ]
    const { warnings } = analyse(
      examples,
      [{ code: 'INVALID_EXAMPLE', path: 'item[9].code', message: '[postmock] bad' }],
      () => '',
    )
    expect(warnings.map((w) => [w.kind, w.paths.length])).toEqual([
      ['duplicate-name', 2],
      ['unresolved-variable', 1],
      ['malformed-example', 1],
    ])
    expect(warnings[2]!.message).toBe('bad')
  })
})

describe('bodyKey and atJsonPath', () => {
  it('compares JSON bodies by value and form bodies by their enabled pairs', () => {
    expect(bodyKey({ mode: 'raw', raw: '{"b": 1, "a": [1, 2]}' }, true)).toBe(
      bodyKey({ mode: 'raw', raw: '{"a":[1,2],"b":1}' }, true),
    )
    expect(bodyKey({ mode: 'raw', raw: ' ' }, true)).toBe('')
    expect(
      bodyKey(
        {
          mode: 'urlencoded',
          urlencoded: [
            { key: 'b', value: '2' },
            { key: 'a', value: '1' },
            { key: 'c', disabled: true },
          ],
        },
        false,
      ),
    ).toBe('urlencoded:a=1&b=2')
    expect(bodyKey(undefined, true)).toBe('')
  })

  it('compares a raw body as JSON only when the saved request declares JSON, as core does', () => {
    const spaced = { mode: 'raw', raw: '{"b": 1, "a": 2}' }
    const compact = { mode: 'raw', raw: '{"a":2,"b":1}' }
    expect(bodyKey(spaced, true)).toBe(bodyKey(compact, true))
    expect(bodyKey(spaced, false)).not.toBe(bodyKey(compact, false))
    expect(hasJsonContentType([{ key: 'content-type', value: 'application/vnd.api+json' }])).toBe(true)
    expect(hasJsonContentType([{ key: 'Content-Type', value: 'application/json', disabled: true }])).toBe(
      false,
    )
    expect(hasJsonContentType('Accept: text/plain\nContent-Type: application/json; charset=utf-8')).toBe(true)
    expect(hasJsonContentType([{ key: 'Content-Type', value: 'text/plain' }])).toBe(false)
    expect(hasJsonContentType(undefined)).toBe(false)
  })

  it('follows a JSON path', () => {
    const root = { item: [{ item: [{ response: [{ name: 'x' }, { name: 'y' }] }] }] }
    expect(atJsonPath(root, 'item[0].item[0].response[1]')).toEqual({ name: 'y' })
    expect(atJsonPath(root, 'item[3].response[0]')).toBeUndefined()
  })
})
