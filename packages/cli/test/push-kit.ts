import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect } from 'vitest'
import {
  API_KEY,
  type FakeApiOptions,
  type FakePostmanApi,
  startFakePostmanApi,
  uid,
} from './fake-postman-api.js'
import { type CliResult, runCli } from './run-cli.js'

export const PUSH_IDS = {
  collection: '0a500000-0000-4000-8000-000000000001',
  folder: '0a500000-0000-4000-8000-0000000000f0',
  getUser: '0a500000-0000-4000-8000-0000000000a1',
  listUsers: '0a500000-0000-4000-8000-0000000000a2',
  ok: '0a500000-0000-4000-8000-0000000000e1',
  unauthorized: '0a500000-0000-4000-8000-0000000000e2',
  list: '0a500000-0000-4000-8000-0000000000e3',
  notFound: '0a500000-0000-4000-8000-0000000000c1',
  noContent: '0a500000-0000-4000-8000-0000000000c2',
}
export const PUSH_UID = uid(PUSH_IDS.collection)

const JSON_HEADER = [{ key: 'Content-Type', value: 'application/json' }]
const example = (
  id: string,
  name: string,
  code: number,
  status: string,
  url: string,
  body: string,
  method = 'GET',
) => ({
  id,
  name,
  originalRequest: { method, header: [], url },
  status,
  code,
  _postman_previewlanguage: 'json',
  header: JSON_HEADER,
  body,
})

/** The collection as Postman has it. */
export const REMOTE_COLLECTION = {
  info: {
    _postman_id: PUSH_IDS.collection,
    name: 'Push API',
    schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
  },
  item: [
    {
      id: PUSH_IDS.folder,
      name: 'Users',
      item: [
        {
          id: PUSH_IDS.getUser,
          name: 'Get user',
          request: { method: 'GET', header: [], url: '{{baseUrl}}/users/:id' },
          response: [
            example(PUSH_IDS.ok, 'OK', 200, 'OK', '{{baseUrl}}/users/1', '{"id":1,"name":"Ada"}'),
            example(
              PUSH_IDS.unauthorized,
              'Unauthorized',
              401,
              'Unauthorized',
              '{{baseUrl}}/users/1',
              '{"error":"unauthorized"}',
            ),
          ],
        },
      ],
    },
    {
      id: PUSH_IDS.listUsers,
      name: 'List users',
      request: { method: 'GET', header: [], url: '{{baseUrl}}/users' },
      response: [example(PUSH_IDS.list, 'OK', 200, 'OK', '{{baseUrl}}/users', '[]')],
    },
  ],
}

/**
 * The file: `OK` as in Postman, `Unauthorized` with another body, a new `Not found`, `List users`
 * exported without ids and its URL as an object (matched by name + method + path, then by name:
 * equal), and `Delete user`, which Postman lacks.
 */
export function localCollection(): Record<string, unknown> {
  const local = structuredClone(REMOTE_COLLECTION) as unknown as {
    item: Array<{ item?: Array<Record<string, unknown>> } & Record<string, unknown>>
  }
  const users = local.item[0]!.item!
  const getUser = users[0]! as { response: Array<Record<string, unknown>> }
  getUser.response[1]!.body = '{"error":"unauthorized","message":"Missing or invalid token"}'
  getUser.response.push(
    example(
      PUSH_IDS.notFound,
      'Not found',
      404,
      'Not Found',
      '{{baseUrl}}/users/999',
      '{"error":"not found"}',
    ),
  )
  users.push({
    id: '0a500000-0000-4000-8000-0000000000a3',
    name: 'Delete user',
    request: { method: 'DELETE', header: [], url: '{{baseUrl}}/users/:id' },
    response: [
      example(PUSH_IDS.noContent, 'No content', 204, 'No Content', '{{baseUrl}}/users/1', '', 'DELETE'),
    ],
  })
  const list = local.item[1]! as { id?: string; response: Array<Record<string, unknown>> }
  delete list.id
  delete list.response[0]!.id
  list.response[0]!.originalRequest = {
    method: 'GET',
    url: { raw: '{{baseUrl}}/users', host: ['{{baseUrl}}'], path: ['users'] },
  }
  return local as unknown as Record<string, unknown>
}

/** A fake Postman API per test holding {@link REMOTE_COLLECTION}, the local file, and `push` run on it. */
export interface PushKit {
  readonly api: FakePostmanApi
  readonly dir: string
  /** (Re)starts the fake API with these options (each test starts one with none). */
  restart(options: FakeApiOptions): Promise<void>
  /** `postmock push local.json --api-url <fake> …args`, with `POSTMAN_API_KEY` unless `env` says otherwise. */
  push(args: string[], env?: Record<string, string | undefined>): Promise<CliResult>
  /** The writes the fake received: method, URL and parsed body. */
  writes(): Array<{ method: string; url: string; body: unknown }>
}

/** Registers the hooks; after each test, checks that the key reached no line printed. */
export function usePushKit(): PushKit {
  let api: FakePostmanApi | undefined
  let dir = ''
  const outputs: CliResult[] = []
  const kit: PushKit = {
    get api() {
      return api!
    },
    get dir() {
      return dir
    },
    async restart(options) {
      await api?.close()
      api = await startFakePostmanApi({ extraCollections: [REMOTE_COLLECTION], ...options })
    },
    async push(args, env = { POSTMAN_API_KEY: API_KEY }) {
      const result = await runCli(['push', 'local.json', '--api-url', api!.url, ...args], { cwd: dir, env })
      outputs.push(result)
      return result
    },
    writes: () =>
      api!.requests
        .filter((request) => request.method !== 'GET')
        .map(({ method, url, body }) => ({ method, url, body: JSON.parse(body) as unknown })),
  }
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'postmock-push-'))
    await writeFile(join(dir, 'local.json'), JSON.stringify(localCollection(), null, 2))
    outputs.length = 0
    await kit.restart({})
  })
  afterEach(async () => {
    for (const output of outputs) {
      expect(output.stdout).not.toContain(API_KEY)
      expect(output.stderr).not.toContain(API_KEY)
    }
    await api?.close()
    api = undefined
    await rm(dir, { recursive: true, force: true })
  })
  return kit
}
