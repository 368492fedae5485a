import { describe, expect, it } from 'vitest'
import { bareId, pathOf } from './collection-tree.js'
import { pushPlan } from './push-plan.js'

const ok = (name: string, id?: string, body = '{}') => ({
  ...(id ? { id } : {}),
  name,
  code: 200,
  header: [{ key: 'Content-Type', value: 'application/json' }],
  body,
  originalRequest: { method: 'GET', url: '{{baseUrl}}/users' },
})
const item = (name: string, url: string, response: unknown[], id?: string, method = 'GET') => ({
  ...(id ? { id } : {}),
  name,
  request: { method, url },
  response,
})
const R1 = '0a500000-0000-4000-8000-0000000000a1'
const collection = (...items: unknown[]) => ({ info: { name: 'c' }, item: items })
const actions = (local: unknown, remote: unknown, createRequests = false) =>
  pushPlan(local, remote, { createRequests }).map((row) => [row.request, row.example, row.action, row.reason])

describe('pathOf and bareId', () => {
  it('keeps the path of a saved URL only', () => {
    expect(pathOf('{{baseUrl}}/users/:id?expand=1#x')).toBe('/users/:id')
    expect(pathOf('https://api.example.com/users/')).toBe('/users')
    expect(pathOf({ host: ['{{baseUrl}}'], path: ['users', ':id'] })).toBe('/users/:id')
    expect(pathOf('/users')).toBe('/users')
    expect(pathOf('{{baseUrl}}')).toBe('/')
  })
  it('cuts an owner-prefixed uid to its id', () => {
    expect(bareId('12345678-0a500000-0000-4000-8000-000000000001')).toBe(
      '0a500000-0000-4000-8000-000000000001',
    )
    expect(bareId('plain-id')).toBe('plain-id')
    expect(bareId('')).toBeUndefined()
  })
})

describe('pushPlan', () => {
  it('matches requests by id even when renamed, and by name + method + path otherwise', () => {
    const remote = collection(
      item('Users', '{{baseUrl}}/users', [ok('OK', 'e1')], R1),
      item('Orders', 'https://old.example.com/orders/', [ok('OK', 'e2')], 'r2'),
    )
    const local = collection(
      item('All users', '{{baseUrl}}/users', [ok('OK', 'e1')], `12345678-${R1}`),
      item('Orders', '{{baseUrl}}/orders', [ok('OK')]),
      item('Orders', '{{baseUrl}}/orders', [ok('New')], undefined, 'POST'),
    )
    expect(actions(local, remote)).toEqual([
      ['All users', 'OK', 'skip', 'unchanged'],
      ['Orders', 'OK', 'skip', 'unchanged'],
      ['Orders', 'New', 'skip', 'request not in Postman (--create-requests creates it)'],
    ])
  })

  it('matches examples by id, else by name, and names what changed', () => {
    const remote = collection(item('Users', '/users', [ok('OK', 'e1'), ok('Empty', 'e2', '[]')], 'r1'))
    const local = collection(
      item(
        'Users',
        '/users',
        [{ ...ok('Renamed', 'e1', '{"a":1}'), code: 201 }, ok('Empty', undefined, '[]')],
        'r1',
      ),
    )
    expect(actions(local, remote)).toEqual([
      ['Users', 'Renamed', 'update', 'changed: code 200 → 201, body'],
      ['Users', 'Empty', 'skip', 'unchanged'],
    ])
  })

  it('an ambiguous name matches nothing (it is created, never written over the wrong one)', () => {
    const remote = collection(item('Users', '/users', [ok('Twin', 'e1'), ok('Twin', 'e2')], 'r1'))
    const local = collection(item('Users', '/users', [ok('Twin')], 'r1'))
    expect(actions(local, remote)).toEqual([['Users', 'Twin', 'create', 'not in Postman']])
  })

  it('--create-requests: a folder Postman lacks puts the request at the root, and says so', () => {
    const local = {
      info: {},
      item: [{ name: 'Admin', item: [item('Purge', '/purge', [ok('Done')], undefined, 'POST')] }],
    }
    expect(actions(local, collection(), true)).toEqual([
      [
        'Admin / Purge',
        '',
        'create-request',
        'not in Postman (at the root: folder "Admin" is not in Postman)',
      ],
      ['Admin / Purge', 'Done', 'create', 'new request'],
    ])
  })

  it('formatting alone is no change: a URL object, key order, disabled headers', () => {
    const remote = collection(item('Users', '/users', [ok('OK', 'e1')], 'r1'))
    const reformatted = {
      body: '{}',
      originalRequest: {
        url: { raw: '{{baseUrl}}/users' },
        method: 'get',
        header: [{ key: 'X', value: '1', disabled: true }],
      },
      header: [{ value: 'application/json', key: 'Content-Type' }],
      code: 200,
      name: 'OK',
      id: 'e1',
    }
    expect(actions(collection(item('Users', '/users', [reformatted], 'r1')), remote)).toEqual([
      ['Users', 'OK', 'skip', 'unchanged'],
    ])
  })
})
