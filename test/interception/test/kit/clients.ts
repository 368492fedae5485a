/**
 * The clients of the matrix. Each one is a JavaScript expression for `async (url) => ({ status, body })`
 * written into the generated test files, over bindings the files import at their top (see
 * inner-file.ts: the same names in the ESM and CJS variants; libraries through `need(name)`).
 */

/** What a client is tested for: HTTP (served + refused), non-HTTP bytes on a socket, WebSocket. */
export type ClientKind = 'http' | 'bytes' | 'websocket'

/**
 * The URLs an HTTP client is given: `mixed` is served over https (200 from a mock host, 401 from
 * api.example.com) and refused over http; `http` and `https` use that scheme for every request; `app`
 * is served from api.example.com only (the typed client's `getUser`) and refused over http.
 */
export type Scheme = 'mixed' | 'http' | 'https' | 'app'

export interface Client {
  id: string
  kind: ClientKind
  scheme: Scheme
  /** `async (url) => ({ status, body })`, or for `bytes` and `websocket` clients `async (target) => …`. */
  get: string
  /** Only under jsdom (XMLHttpRequest). */
  domOnly?: boolean
  /** What the refusal message must name: the origin (HTTP clients), or host:port (raw sockets). */
  names: 'origin' | 'host'
}

const http = (id: string, get: string, scheme: Scheme = 'mixed', extra: Partial<Client> = {}): Client => ({
  id,
  kind: 'http',
  scheme,
  get,
  names: 'origin',
  ...extra,
})

const response = `async (r) => ({ status: r.status, body: await r.text() })`
const undiciBody = `async (r) => ({ status: r.statusCode, body: await r.body.text() })`
/** undici's dispatchers: one per request, destroyed once its body is read. */
const dispatcher = (type: string) => `async (url) => {
  const u = new URL(url)
  const d = new (need('undici').${type})(u.origin)
  try { return await (${undiciBody})(await d.request({ path: u.pathname, method: 'GET' })) } finally { d.destroy().catch(() => {}) }
}`
const nodeGet = (call: string, end = '') =>
  `(url) => new Promise((resolve, reject) => { const req = ${call}(url, (res) => collect(res, resolve, reject)); req.on('error', reject)${end} })`
const axiosWith = (adapter: string) =>
  `async (url) => { const r = await need('axios').create({ adapter: '${adapter}', validateStatus: () => true, responseType: 'text', transformResponse: [(d) => d] }).get(url); return { status: r.status, body: typeof r.data === 'string' ? r.data : JSON.stringify(r.data) } }`

export const CLIENTS: readonly Client[] = [
  http('global fetch', `async (url) => (${response})(await fetch(url))`),
  http('undici fetch', `async (url) => (${response})(await need('undici').fetch(url))`),
  http('undici request', `async (url) => (${undiciBody})(await need('undici').request(url))`),
  http('undici Pool', dispatcher('Pool')),
  http('undici Client', dispatcher('Client')),
  http(
    'undici stream',
    `async (url) => {
  const chunks = []
  let status = 0
  await need('undici').stream(url, { method: 'GET' }, ({ statusCode }) => { status = statusCode; return new Writable({ write(c, _e, cb) { chunks.push(c); cb() } }) })
  return { status, body: Buffer.concat(chunks).toString('utf8') }
}`,
  ),
  http(
    'undici pipeline',
    `(url) => new Promise((resolve, reject) => {
  const chunks = []
  let status = 0
  const duplex = need('undici').pipeline(url, { method: 'GET' }, ({ statusCode, body }) => { status = statusCode; return body })
  duplex.on('data', (c) => chunks.push(c)).on('end', () => resolve({ status, body: Buffer.concat(chunks).toString('utf8') })).on('error', reject)
  duplex.end()
})`,
  ),
  http('node:http default import (http.get)', nodeGet('http.get'), 'http'),
  http('node:http named import (get)', nodeGet('httpGet'), 'http'),
  http('node:https default import (https.get)', nodeGet('https.get'), 'https'),
  http('node:https named import (request)', nodeGet('httpsRequest', '; req.end()'), 'https'),
  http('axios http adapter', axiosWith('http')),
  http('axios fetch adapter', axiosWith('fetch')),
  http('axios xhr adapter', axiosWith('xhr'), 'mixed', { domOnly: true }),
  http(
    'got',
    `async (url) => { const r = await need('got')(url, { throwHttpErrors: false, retry: { limit: 0 } }); return { status: r.statusCode, body: r.body } }`,
  ),
  http('ky', `async (url) => (${response})(await need('ky')(url, { throwHttpErrors: false, retry: 0 }))`),
  http('node-fetch', `async (url) => (${response})(await need('nodeFetch')(url))`),
  http(
    'superagent',
    `async (url) => { const r = await need('superagent').get(url).ok(() => true); return { status: r.status, body: r.text } }`,
  ),
  http(
    'ofetch',
    `async (url) => { const r = await need('ofetch').raw(url, { ignoreResponseError: true, retry: 0, responseType: 'text' }); return { status: r.status, body: r._data } }`,
  ),
  // getUser() answers JSON only (no status): the served case checks the two examples' bodies.
  http(
    'typed client created at module load',
    `async (url) => url.startsWith('https://api.example.com/users/') ? { body: JSON.stringify(await api.getUser(url.split('/').pop())) } : (${response})(await api.get(url))`,
    'app',
  ),
  http(
    'XMLHttpRequest',
    `(url) => new Promise((resolve, reject) => {
  const xhr = new XMLHttpRequest()
  xhr.open('GET', url)
  xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText })
  xhr.onerror = () => reject(new Error('XMLHttpRequest error event'))
  xhr.send()
})`,
    'mixed',
    { domOnly: true },
  ),
  http('HTTP/1.1 over net.connect', `(url) => rawHttp(url, false)`, 'http', { names: 'host' }),
  http('HTTP/1.1 over tls.connect', `(url) => rawHttp(url, true)`, 'https', { names: 'host' }),
  {
    id: 'non-HTTP bytes over net.connect',
    kind: 'bytes',
    scheme: 'mixed',
    get: `(target) => rawBytes(target)`,
    names: 'host',
  },
  {
    id: 'global WebSocket',
    kind: 'websocket',
    scheme: 'mixed',
    get: `(url) => openWebSocket(() => new (needGlobal('WebSocket'))(url))`,
    names: 'host',
  },
  {
    id: 'ws',
    kind: 'websocket',
    scheme: 'mixed',
    get: `(url) => openWebSocket(() => new (need('WS'))(url))`,
    names: 'host',
  },
]

/** The cases each kind of client is run through, as titled in the generated files. */
export const CASES: Record<ClientKind, readonly string[]> = {
  http: ['served', 'refused'],
  bytes: ['refused', 'allowed'],
  websocket: ['refused'],
}
