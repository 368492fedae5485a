import { describe, expect, test } from 'vitest'
import { API_KEY, uid } from './fake-postman-api.js'
import { PUSH_IDS, PUSH_UID, usePushKit } from './push-kit.js'

const kit = usePushKit()
const ID = PUSH_IDS.collection
const GET_COLLECTION = { method: 'GET', url: `/collections/${PUSH_UID}?uid=true` }
const seen = () => kit.api.requests.map(({ method, url }) => ({ method, url }))

const json = [{ key: 'Content-Type', value: 'application/json' }]
const unauthorizedPayload = {
  name: 'Unauthorized',
  responseCode: { code: 401, name: 'Unauthorized' },
  status: 'Unauthorized',
  headers: json,
  text: '{"error":"unauthorized","message":"Missing or invalid token"}',
  language: 'json',
  method: 'GET',
  url: '{{baseUrl}}/users/1',
  requestObject: '{"method":"GET","url":"{{baseUrl}}/users/1","headers":[]}',
}
const notFoundPayload = {
  name: 'Not found',
  responseCode: { code: 404, name: 'Not Found' },
  status: 'Not Found',
  headers: json,
  text: '{"error":"not found"}',
  language: 'json',
  method: 'GET',
  url: '{{baseUrl}}/users/999',
  requestObject: '{"method":"GET","url":"{{baseUrl}}/users/999","headers":[]}',
}

describe('postmock push', () => {
  test('--dry-run prints the plan as a table and writes nothing', async () => {
    const { code, stdout, stderr } = await kit.push(['--collection', PUSH_UID, '--dry-run'])
    expect(stderr).toBe('')
    expect(stdout.split('\n')).toEqual([
      'REQUEST              EXAMPLE       ACTION  REASON',
      'Users / Get user     OK            skip    unchanged',
      'Users / Get user     Unauthorized  update  changed: body',
      'Users / Get user     Not found     create  not in Postman',
      'Users / Delete user  No content    skip    request not in Postman (--create-requests creates it)',
      'List users           OK            skip    unchanged',
      '',
      'Plan: 1 to create, 1 to update, 2 unchanged, 1 request not in Postman, skipped (--create-requests creates them).',
      '',
    ])
    expect(code).toBe(0)
    expect(seen()).toEqual([GET_COLLECTION])
    expect(kit.api.requests[0]?.apiKey).toBe(API_KEY)
  })

  test('creates and updates through the Collection Items API, then a second push finds nothing to do', async () => {
    const first = await kit.push(['--collection', PUSH_UID])
    expect(first.code).toBe(0)
    expect(first.stdout).toContain(
      [
        `[postmock] updated "Users / Get user / Unauthorized" (${PUSH_IDS.unauthorized})`,
        '[postmock] created "Users / Get user / Not found" (f0000000-0000-4000-8000-000000000001)',
        'Pushed: 1 created, 1 updated, 2 unchanged, 1 request not in Postman, skipped (--create-requests creates them).',
      ].join('\n'),
    )
    // the collection's id (not its uid) in the write paths, the request's id in ?request=
    expect(kit.writes()).toEqual([
      {
        method: 'PUT',
        url: `/collections/${ID}/responses/${PUSH_IDS.unauthorized}`,
        body: unauthorizedPayload,
      },
      {
        method: 'POST',
        url: `/collections/${ID}/responses?request=${PUSH_IDS.getUser}`,
        body: notFoundPayload,
      },
    ])
    expect(new Set(kit.api.requests.map((request) => request.apiKey))).toEqual(new Set([API_KEY]))
    kit.api.requests.length = 0
    const second = await kit.push(['--collection', PUSH_UID, '--dry-run'])
    expect(second.stdout).toContain('Users / Get user     Unauthorized  skip    unchanged\n')
    expect(second.stdout).toContain('Users / Get user     Not found     skip    unchanged\n')
    expect(second.stdout).toContain('Plan: 0 to create, 0 to update, 4 unchanged,')
    expect(seen()).toEqual([GET_COLLECTION])
  })

  test('--create-requests creates a missing request in its folder, then its examples', async () => {
    const { code, stdout } = await kit.push(['--collection', PUSH_UID, '--create-requests', '--dry-run'])
    expect(code).toBe(0)
    expect(stdout).toContain(
      [
        'Users / Delete user                create-request  not in Postman',
        'Users / Delete user  No content    create          new request',
        'List users           OK            skip            unchanged',
        '',
        'Plan: 2 to create, 1 to update, 2 unchanged, 1 new request.',
      ].join('\n'),
    )
    kit.api.requests.length = 0
    await kit.push(['--collection', PUSH_UID, '--create-requests'])
    const writes = kit.writes().map(({ method, url }) => `${method} ${url}`)
    expect(writes).toEqual([
      `PUT /collections/${ID}/responses/${PUSH_IDS.unauthorized}`,
      `POST /collections/${ID}/responses?request=${PUSH_IDS.getUser}`,
      `POST /collections/${ID}/requests?folder=${PUSH_IDS.folder}`,
      // the id the API gave the new request
      `POST /collections/${ID}/responses?request=f0000000-0000-4000-8000-000000000002`,
    ])
    expect(kit.writes()[2]?.body).toEqual({
      name: 'Delete user',
      method: 'DELETE',
      url: '{{baseUrl}}/users/:id',
      headerData: [],
    })
  })

  test('a 429 is retried after the time the API names, then the write goes through', async () => {
    await kit.restart({ rateLimitOnce: { [`/collections/${ID}/responses`]: { 'retry-after': '0' } } })
    const { code, stderr, stdout } = await kit.push(['--collection', PUSH_UID])
    expect(code).toBe(0)
    expect(stderr).toBe(
      `[postmock] The Postman API is rate limiting (429) POST /collections/${ID}/responses; retry 1 in 0.0 s.\n`,
    )
    expect(stdout).toContain('[postmock] created "Users / Get user / Not found"')
    expect(kit.writes().map(({ method, url }) => `${method} ${url}`)).toEqual([
      `PUT /collections/${ID}/responses/${PUSH_IDS.unauthorized}`,
      `POST /collections/${ID}/responses?request=${PUSH_IDS.getUser}`,
      `POST /collections/${ID}/responses?request=${PUSH_IDS.getUser}`,
    ])
  })

  test('401: a bad key is named, masked, and nothing is written', async () => {
    const badKey = 'PMAK-0000000000000000-ffffffffffffffffffffffffffffffff'
    const { code, stdout, stderr } = await kit.push(['--collection', PUSH_UID], { POSTMAN_API_KEY: badKey })
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe(
      `[postmock] Failed to fetch collection ${PUSH_UID}: the Postman API answered 401 Unauthorized ("Invalid API Key PMAK-…ffff. Every request requires a valid API Key to be sent"): the API key is missing, invalid or expired. Set a valid key in POSTMAN_API_KEY (Postman: Settings > API keys).\n`,
    )
    expect(stderr).not.toContain(badKey)
    expect(kit.writes()).toEqual([])
  })

  test('404: no such collection', async () => {
    const missing = uid('0a500000-0000-4000-8000-00000000dead')
    const { code, stderr } = await kit.push(['--collection', missing])
    expect(code).toBe(1)
    expect(stderr).toBe(
      `[postmock] Failed to fetch collection ${missing}: the Postman API answered 404 Not Found ("We could not find the collection you are looking for"): no collection ${missing} is visible to this key. Check the uid, or pass the collection's name instead.\n`,
    )
  })

  test('a wrong command line or an unreadable file exits 2; no key exits 1', async () => {
    const noCollection = await kit.push([])
    expect(noCollection.code).toBe(2)
    expect(noCollection.stderr).toBe(
      '[postmock] Failed to run postmock push: it needs --collection <uid|name>, the collection in Postman. See postmock push --help.\n',
    )
    const noKey = await kit.push(['--collection', PUSH_UID], {})
    expect(noKey.code).toBe(1)
    expect(noKey.stderr).toContain('[postmock] Failed to push to the Postman API: no API key was given.')
    const missingFile = await kit.push(['--collection', PUSH_UID, 'other.json'])
    expect(missingFile.code).toBe(2)
    expect(missingFile.stderr).toContain('it takes one file, got 2')
    expect(kit.api.requests).toEqual([])
  })
})
