import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** The key the fake API accepts. Tests check it never reaches a file or the output. */
export const API_KEY = 'PMAK-6740f1c2a9e84b5d-0a1b2c3d4e5f60718293a4b5c6d7e8f9'

const OWNER = '12345678'
export const uid = (id: string) => `${OWNER}-${id}`

/** A request the fake received. */
export interface SeenRequest {
  method: string
  url: string
  apiKey: string | undefined
  at: number
  /** The request body, for writes (`''` for none). */
  body: string
}

/** Adds `uid` fields to items and responses, as `?uid=true` does. */
function withUids(collection: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(collection) as { info: Record<string, unknown>; item?: unknown[] }
  copy.info.uid = uid(String(copy.info._postman_id))
  const walk = (items: unknown[] | undefined) => {
    for (const node of (items ?? []) as Array<Record<string, unknown>>) {
      if (node.id) node.uid = uid(String(node.id))
      walk(node.item as unknown[] | undefined)
      for (const response of (node.response ?? []) as Array<Record<string, unknown>>) {
        if (response.id) response.uid = uid(String(response.id))
      }
    }
  }
  walk(copy.item)
  return copy
}

function collection(id: string, name: string, items: unknown[] = []): Record<string, unknown> {
  return {
    info: {
      _postman_id: id,
      name,
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: items,
  }
}

type Node = Record<string, unknown>

function findNode(items: unknown, test: (node: Node) => boolean): Node | undefined {
  for (const node of (items ?? []) as Node[]) {
    if (test(node)) return node
    const inner = findNode(node.item, test)
    if (inner) return inner
  }
  return undefined
}

/**
 * The Collection Items API's writes, applied to a stored collection as Postman would store them:
 * `POST responses?request=`, `PUT responses/{id}`, `POST requests[?folder=]`. `undefined` for an
 * unknown request, response or folder.
 */
function collectionWrite(
  collection: Node,
  method: string,
  sub: string,
  subId: string | undefined,
  query: URLSearchParams,
  body: string,
  newId: () => string,
): Node | undefined {
  const payload = JSON.parse(body) as Node
  const responseOf = (id: string, base: Node = {}): Node => ({
    ...base,
    id,
    ...(payload.name !== undefined ? { name: payload.name } : {}),
    ...(payload.responseCode ? { code: (payload.responseCode as { code: number }).code } : {}),
    ...(payload.status !== undefined ? { status: payload.status } : {}),
    ...(payload.headers ? { header: payload.headers } : {}),
    ...(payload.text !== undefined ? { body: payload.text } : {}),
    ...(payload.language ? { _postman_previewlanguage: payload.language } : {}),
    ...(payload.requestObject ? { originalRequest: fromRequestObject(String(payload.requestObject)) } : {}),
  })
  if (sub === 'responses' && method === 'POST' && !subId) {
    const item = findNode(collection.item, (node) => node.id === query.get('request') && !node.item)
    if (!item) return undefined
    const id = newId()
    item.response = [...((item.response as Node[] | undefined) ?? []), responseOf(id)]
    return { data: { id }, model_id: id, meta: { model: 'response', action: 'create' } }
  }
  if (sub === 'responses' && method === 'PUT' && subId) {
    let found: Node | undefined
    findNode(collection.item, (node) => {
      const list = (node.response as Node[] | undefined) ?? []
      const at = list.findIndex((response) => response.id === subId)
      if (at >= 0) list[at] = found = responseOf(subId, list[at])
      return found !== undefined
    })
    return found && { data: { id: subId }, model_id: subId, meta: { model: 'response', action: 'update' } }
  }
  if (sub === 'requests' && method === 'POST' && !subId) {
    const folderId = query.get('folder')
    const folder = folderId
      ? findNode(collection.item, (node) => node.id === folderId && !!node.item)
      : collection
    if (!folder) return undefined
    const id = newId()
    const request = { method: payload.method, url: payload.url, header: payload.headerData ?? [] }
    folder.item = [
      ...((folder.item as Node[] | undefined) ?? []),
      { id, name: payload.name, request, response: [] },
    ]
    return { data: { id }, model_id: id, meta: { model: 'request', action: 'create' } }
  }
  return undefined
}

/** A response's `requestObject` (JSON text, the Collection Items API's request form) as a v2.1 request. */
function fromRequestObject(text: string): Node {
  const request = JSON.parse(text) as Node
  return {
    method: request.method,
    url: request.url,
    header: request.headers ?? [],
    ...(request.dataMode === 'raw' ? { body: { mode: 'raw', raw: request.rawModeData } } : {}),
  }
}

export interface FakeApiOptions {
  /** The first GET of these paths (without query) answers 429 with these headers. */
  rateLimitOnce?: Record<string, Record<string, string>>
  /** GETs of these paths (without query) are never answered. */
  hang?: string[]
  /** GETs of these paths (without query) get their status and headers, then a body that never ends. */
  stall?: string[]
  /** Paths under `prefix` answer 302 to `to` + the rest of the path (`to` '' stays on this origin). */
  redirect?: { prefix: string; to: string }
  /** More collections (v2.1, with ids), which also take `push`'s writes (responses and requests). */
  extraCollections?: Array<Record<string, unknown>>
}

/** A fake Postman API on 127.0.0.1 with a few collections, environments and mocks. */
export interface FakePostmanApi {
  url: string
  requests: SeenRequest[]
  close(): Promise<void>
}

export const TEST_API_PATH = new URL('../../../examples/testAPI.postman_collection.json', import.meta.url)
export const TEST_ENV_PATH = new URL('../../../examples/testAPIEnv.postman_environment.json', import.meta.url)

export const IDS = {
  testApi: '6f1c2a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b',
  ordersA: '0a000000-0000-4000-8000-00000000000a',
  ordersB: '0b000000-0000-4000-8000-00000000000b',
  forbidden: '0f000000-0000-4000-8000-00000000000f',
  testEnv: '0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a',
  keyEnv: '0e000000-0000-4000-8000-00000000000e',
  publicMock: '1a2b3c4d-aaaa-4bbb-8ccc-000000000001',
  privateMock: '1a2b3c4d-aaaa-4bbb-8ccc-000000000002',
  outageMock: '1a2b3c4d-aaaa-4bbb-8ccc-000000000003',
  serverResponse: '5e5e5e5e-0000-4000-8000-000000000503',
  echoKey: '0c000000-0000-4000-8000-0000000000ec',
  usersSpace: 'a1000000-0000-4000-8000-000000000001',
  usersSlash: 'a2000000-0000-4000-8000-000000000002',
  longA: 'a3000000-0000-4000-8000-000000000003',
  longB: 'a4000000-0000-4000-8000-000000000004',
  con: 'a5000000-0000-4000-8000-000000000005',
  nulTxt: 'a6000000-0000-4000-8000-000000000006',
  escapes: 'a7000000-0000-4000-8000-000000000007',
  keyInName: 'a8000000-0000-4000-8000-000000000008',
}

/** Collection names that give the same, long, reserved or dangerous file names. */
export const NAMES = {
  usersSpace: 'Users API',
  usersSlash: 'Users/API',
  // 300 characters, the two differ only at the end
  longA: `${'Very long collection name '.repeat(11)}ending A`,
  longB: `${'Very long collection name '.repeat(11)}ending B`,
  con: 'CON',
  nulTxt: 'nul.txt',
  // sets the terminal title, clears the screen, a one-byte CSI, a right-to-left override
  escapes: 'Evil\u001b]0;owned\u0007\u001b[2J\u009b31m\u202eName',
  keyInName: `Key ${API_KEY} inside`,
}

/** Starts the fake API. */
export async function startFakePostmanApi(options: FakeApiOptions = {}): Promise<FakePostmanApi> {
  const testApi = JSON.parse(readFileSync(TEST_API_PATH, 'utf8')) as Record<string, unknown>
  const testEnv = JSON.parse(readFileSync(TEST_ENV_PATH, 'utf8')) as Record<string, unknown>
  const collections: Record<string, Record<string, unknown>> = {
    [uid(IDS.testApi)]: testApi,
    [uid(IDS.ordersA)]: collection(IDS.ordersA, 'Orders'),
    [uid(IDS.ordersB)]: collection(IDS.ordersB, 'Orders'),
    [uid(IDS.forbidden)]: collection(IDS.forbidden, 'Someone else'),
    [uid(IDS.echoKey)]: collection(IDS.echoKey, 'Echoes the key'),
  }
  for (const key of Object.keys(NAMES) as Array<keyof typeof NAMES>) {
    collections[uid(IDS[key])] = collection(IDS[key], NAMES[key])
  }
  const environments: Record<string, Record<string, unknown>> = {
    [uid(IDS.testEnv)]: { id: IDS.testEnv, name: 'testAPIEnv', values: testEnv.values, isPublic: false },
    [uid(IDS.keyEnv)]: {
      id: IDS.keyEnv,
      name: 'With my key',
      values: [
        { key: 'baseUrl', value: 'https://api.example.com', type: 'default', enabled: true },
        { key: 'postmanApiKey', value: API_KEY, type: 'secret', enabled: true },
      ],
    },
  }
  const mockConfig = (over: Record<string, unknown> = {}) => ({
    headers: [],
    matchBody: false,
    matchQueryParams: true,
    matchWildcards: true,
    delay: null,
    serverResponseId: null,
    ...over,
  })
  const mocks: Record<string, Record<string, unknown>> = {
    [IDS.publicMock]: {
      id: IDS.publicMock,
      owner: OWNER,
      uid: uid(IDS.publicMock),
      collection: uid(IDS.testApi),
      environment: uid(IDS.testEnv),
      mockUrl: `https://${IDS.publicMock}.mock.pstmn.io`,
      name: 'testAPI mock',
      config: mockConfig(),
      isPublic: true,
    },
    [IDS.privateMock]: {
      id: IDS.privateMock,
      owner: OWNER,
      uid: uid(IDS.privateMock),
      collection: uid(IDS.testApi),
      environment: uid(IDS.testEnv),
      mockUrl: `https://${IDS.privateMock}.mock.pstmn.io`,
      name: 'private testAPI',
      config: mockConfig({
        delay: { type: 'fixed', preset: '2', duration: 100 },
        matchHeader: true,
        headers: ['Authorization'],
      }),
      private: true,
    },
  }
  mocks[IDS.outageMock] = {
    ...mocks[IDS.publicMock],
    id: IDS.outageMock,
    uid: uid(IDS.outageMock),
    mockUrl: `https://${IDS.outageMock}.mock.pstmn.io`,
    name: 'in maintenance',
    config: mockConfig({ serverResponseId: IDS.serverResponse }),
  }
  const serverResponses: Record<string, Record<string, unknown>> = {
    [`${IDS.outageMock}/${IDS.serverResponse}`]: {
      id: IDS.serverResponse,
      name: 'Maintenance',
      statusCode: 503,
      headers: [
        { key: 'Retry-After', value: '120' },
        { key: 'Content-Type', value: 'application/json' },
      ],
      language: 'json',
      body: '{"error":"maintenance"}',
    },
  }
  for (const extra of options.extraCollections ?? []) {
    collections[uid(String((extra.info as { _postman_id: string })._postman_id))] = structuredClone(extra)
  }
  let created = 0
  /** Ids of what this fake creates: `f0000000-0000-4000-8000-000000000001`, … */
  const newId = () => `f0000000-0000-4000-8000-${String(++created).padStart(12, '0')}`
  const limited = new Map(Object.entries(options.rateLimitOnce ?? {}))
  const hang = new Set(options.hang ?? [])
  const stall = new Set(options.stall ?? [])
  const requests: SeenRequest[] = []

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers })
    res.end(JSON.stringify(body))
  }
  const notFound = (res: ServerResponse, what: string) =>
    send(res, 404, {
      error: { name: 'instanceNotFoundError', message: `We could not find the ${what} you are looking for` },
    })

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    const apiKey = req.headers['x-api-key'] as string | undefined
    requests.push({
      method: req.method ?? 'GET',
      url: url.pathname + url.search,
      apiKey,
      at: Date.now(),
      body,
    })
    if (hang.has(url.pathname)) return
    if (stall.has(url.pathname)) {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"collections": [')
      return
    }
    const { redirect } = options
    if (redirect && url.pathname.startsWith(`${redirect.prefix}/`)) {
      res.writeHead(302, {
        location: `${redirect.to}${url.pathname.slice(redirect.prefix.length)}${url.search}`,
      })
      res.end()
      return
    }
    if (!apiKey) {
      return send(res, 401, {
        error: {
          name: 'AuthenticationError',
          message: 'API Key missing. Every request requires an API Key to be sent.',
        },
      })
    }
    if (apiKey !== API_KEY) {
      return send(res, 401, {
        error: {
          name: 'AuthenticationError',
          // some APIs echo what they were sent
          message: `Invalid API Key ${apiKey}. Every request requires a valid API Key to be sent.`,
        },
      })
    }
    const limit = limited.get(url.pathname)
    if (limit) {
      limited.delete(url.pathname)
      return send(res, 429, { error: { name: 'rateLimitError', message: 'Rate limit exceeded' } }, limit)
    }
    const [, kind, id, sub, subId] = url.pathname.split('/')
    if (req.method !== 'GET') {
      // the Collection Items API takes the collection's id, not its uid
      const target = Object.values(collections).find(
        (c) => (c.info as { _postman_id: string })._postman_id === id,
      )
      if (kind === 'collections' && target && (sub === 'responses' || sub === 'requests')) {
        const answer = collectionWrite(target, req.method ?? '', sub, subId, url.searchParams, body, newId)
        return answer
          ? send(res, 200, answer)
          : notFound(res, sub === 'requests' ? 'folder' : 'request or response')
      }
      if (kind === 'collections' && id) return notFound(res, 'collection')
      return send(res, 405, { error: { name: 'methodNotAllowed', message: 'GET only' } })
    }
    if (kind === 'collections' && !id) {
      return send(res, 200, {
        collections: Object.entries(collections).map(([key, value]) => {
          const info = value.info as { _postman_id: string; name: string }
          return { id: info._postman_id, name: info.name, owner: OWNER, uid: key, isPublic: false }
        }),
      })
    }
    if (kind === 'collections' && id) {
      const found =
        collections[id] ??
        Object.values(collections).find((c) => (c.info as { _postman_id: string })._postman_id === id)
      if (!found) return notFound(res, 'collection')
      if ((found.info as { _postman_id: string })._postman_id === IDS.echoKey) {
        res.writeHead(400, `Bad Request for ${apiKey}`, { 'content-type': 'application/json' })
        res.end(
          JSON.stringify({ error: { name: 'badRequest', message: `The key ${apiKey} may not read this.` } }),
        )
        return
      }
      if ((found.info as { _postman_id: string })._postman_id === IDS.forbidden) {
        return send(res, 403, {
          error: {
            name: 'forbiddenError',
            message: 'You are not permitted to perform the action on the requested resource',
          },
        })
      }
      return send(res, 200, { collection: url.searchParams.get('uid') === 'true' ? withUids(found) : found })
    }
    if (kind === 'environments' && !id) {
      return send(res, 200, {
        environments: Object.entries(environments).map(([key, value]) => ({
          id: value.id,
          name: value.name,
          owner: OWNER,
          uid: key,
        })),
      })
    }
    if (kind === 'environments' && id) {
      const found = environments[id] ?? Object.values(environments).find((e) => e.id === id)
      return found ? send(res, 200, { environment: found }) : notFound(res, 'environment')
    }
    if (kind === 'mocks' && id && sub === 'server-responses' && subId) {
      const found = serverResponses[`${id}/${subId}`]
      return found ? send(res, 200, found) : notFound(res, 'server response')
    }
    if (kind === 'mocks' && id) {
      const found = mocks[id]
      return found
        ? send(res, 200, { mock: found })
        : send(res, 404, { error: { name: 'mockNotFound', message: 'We could not find the mock server' } })
    }
    return notFound(res, 'resource')
  }

  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => handle(req, res, body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
