import type { ExampleInfo } from '@postmock/core'
import { describe, expect, it } from 'vitest'
import { analyse } from './analyse.js'
import { atJsonPath, bodyKey } from './body-key.js'

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
    expect(bodyKey({ mode: 'raw', raw: '{"b": 1, "a": [1, 2]}' })).toBe(
      bodyKey({ mode: 'raw', raw: '{"a":[1,2],"b":1}' }),
    )
    expect(bodyKey({ mode: 'raw', raw: ' ' })).toBe('')
    expect(
      bodyKey({
        mode: 'urlencoded',
        urlencoded: [
          { key: 'b', value: '2' },
          { key: 'a', value: '1' },
          { key: 'c', disabled: true },
        ],
      }),
    ).toBe('urlencoded:a=1&b=2')
    expect(bodyKey(undefined)).toBe('')
  })

  it('follows a JSON path', () => {
    const root = { item: [{ item: [{ response: [{ name: 'x' }, { name: 'y' }] }] }] }
    expect(atJsonPath(root, 'item[0].item[0].response[1]')).toEqual({ name: 'y' })
    expect(atJsonPath(root, 'item[3].response[0]')).toBeUndefined()
  })
})
