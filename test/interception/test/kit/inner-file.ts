/**
 * The test files the matrix writes into each generated project: one file per runner configuration
 * with every client case as its own test, in ESM or CJS, for Vitest or Jest. A test records what its
 * client saw and the DNS lookups made meanwhile in an observations file (JSON lines) for the outer
 * suite; the outcome that matters (passed, or failed by postmock's report) is read from the runner's
 * JSON report.
 */
import { CASES, type Client } from './clients.js'

export type Runner = 'vitest' | 'jest'
export type ModuleSystem = 'esm' | 'cjs'

/** The refused requests' counterparts on the matrix's counters: `<title>` → port, through MATRIX_PORTS. */
export const PORTS_ENV = 'MATRIX_PORTS'
export const OBSERVATIONS_ENV = 'MATRIX_OBSERVATIONS'

/** A generated test's title: `<client> · <case>`. */
export const titleOf = (client: Client, kase: string): string => `${client.id} · ${kase}`

/** The non-HTTP target a refused raw socket is opened to: never resolved, never reached. */
export const UNRESOLVED_TARGET = 'db.example.invalid:5432'

const ESM_IMPORTS = `import { Buffer } from 'node:buffer'
import dns from 'node:dns'
import { appendFileSync } from 'node:fs'
import http, { get as httpGet } from 'node:http'
import https, { request as httpsRequest } from 'node:https'
import net from 'node:net'
import { Writable } from 'node:stream'
import tls from 'node:tls'
import { api } from './typed-client'
`

const CJS_IMPORTS = `const { Buffer } = require('buffer')
const dns = require('dns')
const { appendFileSync } = require('fs')
const http = require('http')
const { get: httpGet } = require('http')
const https = require('https')
const { request: httpsRequest } = require('https')
const net = require('net')
const { Writable } = require('stream')
const tls = require('tls')
const { api } = require('./typed-client.cjs')
`

/**
 * The client libraries, loaded when the file loads (as a static import would) but each on its own, so
 * that one that cannot load in an environment (undici under jest-fixed-jsdom: no MessagePort) fails
 * only its own cells: `need(name)` throws why.
 */
export const LIBRARIES: ReadonlyArray<
  [name: string, specifier: string, member: string | undefined, cjs: string]
> = [
  ['axios', 'axios', 'default', `require('axios')`],
  ['got', 'got', 'default', `require('got').default`],
  ['ky', 'ky', 'default', `require('ky').default`],
  ['nodeFetch', 'node-fetch', 'default', `require('node-fetch').default`],
  ['ofetch', 'ofetch', 'ofetch', `require('ofetch').ofetch`],
  ['superagent', 'superagent', 'default', `require('superagent')`],
  ['undici', 'undici', undefined, `require('undici')`],
  ['WS', 'ws', 'default', `require('ws')`],
  // Not a client: loaded to record which msw major `msw` resolves to in this runner (see TOOLCHAIN_TITLE).
  ['msw', 'msw', undefined, `require('msw')`],
]

function libraryLoads(system: ModuleSystem): string {
  return LIBRARIES.map(([name, specifier, member, cjs]) =>
    system === 'esm'
      ? `await load('${name}', async () => (await import('${specifier}'))${member ? `.${member}` : ''})`
      : `load('${name}', () => ${cjs})`,
  ).join('\n')
}

/** Why a library cannot be used here: the outer suite skips the cells that needed it. */
export const UNAVAILABLE = 'cannot be loaded in this environment'

/**
 * The observation line each generated file writes once it has loaded: the Node and the msw major its
 * runner ran (msw 3 exports getCleanUrlString, msw 2 does not), so that a toolchain whose aliases did
 * not apply cannot pass unnoticed.
 */
export const TOOLCHAIN_TITLE = '[matrix] toolchain'

/** The typed client module: a fetch captured when the module loads, before any test hook ran. */
const TYPED_CLIENT = `const f = globalThis.fetch
API_EXPORT {
  getUser: (id) => f('https://api.example.com/users/' + id).then((r) => r.json()),
  get: (url) => f(url),
}
`
export const typedClient = (system: ModuleSystem): string =>
  TYPED_CLIENT.replace('API_EXPORT', system === 'esm' ? 'export const api =' : 'exports.api =')

function runnerImports(runner: Runner, system: ModuleSystem): string {
  const globals = runner === 'vitest' ? 'vitest' : '@jest/globals'
  const adapter = runner === 'vitest' ? '@postmock/vitest' : '@postmock/jest'
  return system === 'esm'
    ? `import { afterAll, expect, test } from '${globals}'\nimport { setupPostmanMocks } from '${adapter}'\n`
    : `const { afterAll, expect, test } = require('${globals}')\nconst { setupPostmanMocks } = require('${adapter}')\n`
}

/** Everything the tests share: the setup, the DNS guard, observations, and the raw-socket clients. */
const HARNESS = `
const PORTS = JSON.parse(process.env.${PORTS_ENV} || '{}')
const OBSERVATIONS = process.env.${OBSERVATIONS_ENV}

const postman = setupPostmanMocks(COLLECTION, { environment: ENV, baseUrls: ['https://api.example.com'] })

/** The two served requests of a served case: a 200 from the mock host, then the 401 chosen with use(). */
const SERVED = {
  mixed: ['https://abc123.mock.pstmn.io/users/1', 'https://api.example.com/users/1'],
  https: ['https://abc123.mock.pstmn.io/users/1', 'https://api.example.com/users/1'],
  http: ['http://abc123.mock.pstmn.io/users/1', 'http://abc123.mock.pstmn.io/users/1'],
  app: ['https://api.example.com/users/1', 'https://api.example.com/users/1'],
}
const refusedUrl = (title, scheme) => (scheme === 'https' ? 'https' : 'http') + '://127.0.0.1:' + PORTS[title] + '/x'

// No name is ever resolved in this process: every lookup is counted and fails.
const lookups = []
const realLookup = dns.lookup
const realPromisesLookup = dns.promises.lookup
const blocked = (hostname) =>
  Object.assign(new Error('[matrix] DNS lookup of ' + hostname + ' blocked'), { code: 'ENOTFOUND', hostname })
dns.lookup = function lookup(hostname, options, callback) {
  lookups.push(String(hostname))
  const done = typeof options === 'function' ? options : callback
  process.nextTick(() => done(blocked(hostname)))
}
dns.promises.lookup = async (hostname) => {
  lookups.push(String(hostname))
  throw blocked(hostname)
}
const libraries = {}
const loadErrors = {}
function load(name, importer) {
  const failed = (error) => {
    loadErrors[name] = describeError(error)
  }
  try {
    const loaded = importer()
    if (loaded && typeof loaded.then === 'function') return loaded.then((value) => (libraries[name] = value), failed)
    libraries[name] = loaded
  } catch (error) {
    failed(error)
  }
}
function need(name) {
  if (name in libraries) return libraries[name]
  const engines = ENGINES[name] ? ' (' + ENGINES[name] + '; this is Node ' + process.version + ')' : ''
  throw new Error('[matrix] ' + name + ' ${UNAVAILABLE}: ' + loadErrors[name] + engines)
}
/** A global the environment may lack (WebSocket on Node 20): the outer suite skips the cells that need it. */
function needGlobal(name) {
  if (typeof globalThis[name] === 'function') return globalThis[name]
  throw new Error('[matrix] global ' + name + ' ${UNAVAILABLE}: it is not defined on Node ' + process.version)
}

afterAll(() => {
  dns.lookup = realLookup
  dns.promises.lookup = realPromisesLookup
})

function observe(title, outcomes, lookupsBefore) {
  const line = JSON.stringify({ title, outcomes, lookups: lookups.slice(lookupsBefore) })
  if (OBSERVATIONS) appendFileSync(OBSERVATIONS, line + '\\n')
}

function describeError(error) {
  const one = (e) => (e && e.name ? e.name + ': ' : '') + (e && e.message !== undefined ? e.message : String(e)) + (e && e.code ? ' [' + e.code + ']' : '')
  let text = one(error)
  let cause = error && error.cause
  for (let depth = 0; cause && depth < 3; depth++, cause = cause.cause) text += ' <- ' + one(cause)
  return text.replace(/\\s+/g, ' ').slice(0, 300)
}

/** Runs one client call: an answer, an error, or nothing within ms (never throws). */
async function attempt(run, ms) {
  let timer
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ outcome: 'no answer within ' + ms + ' ms' }), ms)
  })
  const call = Promise.resolve()
    .then(run)
    .then(
      (r) => ({ outcome: 'answered ' + (r.status === undefined ? '' : r.status + ' ') + JSON.stringify(String(r.body).slice(0, 60)), response: r }),
      (e) => ({ outcome: 'error: ' + describeError(e) }),
    )
  try {
    return await Promise.race([call, late])
  } finally {
    clearTimeout(timer)
  }
}

function answered(result, outcomes) {
  outcomes.push(result.outcome)
  if (!result.response) throw new Error('the client got no answer: ' + result.outcome)
  return result.response
}

function collect(res, resolve, reject) {
  const chunks = []
  res.on('data', (c) => chunks.push(c))
  res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }))
  res.on('error', reject)
}

/** A parsed HTTP/1.1 answer, or undefined while it is incomplete. */
function parseHttp(buffer, closed) {
  const text = buffer.toString('latin1')
  const end = text.indexOf('\\r\\n\\r\\n')
  if (end < 0) return undefined
  const head = text.slice(0, end)
  const status = Number(head.split(' ')[1])
  let body = buffer.subarray(Buffer.byteLength(head, 'latin1') + 4)
  if (/\\r\\ntransfer-encoding:\\s*chunked/i.test(head)) {
    const parts = []
    let at = 0
    for (;;) {
      const lineEnd = body.indexOf('\\r\\n', at)
      if (lineEnd < 0) return closed ? { status, body: Buffer.concat(parts).toString('utf8') } : undefined
      const size = Number.parseInt(body.subarray(at, lineEnd).toString('latin1'), 16)
      if (size === 0) return { status, body: Buffer.concat(parts).toString('utf8') }
      if (body.length < lineEnd + 2 + size) return closed ? { status, body: Buffer.concat(parts).toString('utf8') } : undefined
      parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size))
      at = lineEnd + 4 + size
    }
  }
  const length = /\\r\\ncontent-length:\\s*(\\d+)/i.exec(head)
  if (length && body.length >= Number(length[1])) body = body.subarray(0, Number(length[1]))
  else if (!closed) return undefined
  return { status, body: body.toString('utf8') }
}

/** A hand-written GET over net.connect (plain) or tls.connect. */
function rawHttp(url, secure) {
  const u = new URL(url)
  const port = Number(u.port) || (secure ? 443 : 80)
  return new Promise((resolve, reject) => {
    const options = { host: u.hostname, port }
    if (secure && !/^[\\d.]+$/.test(u.hostname)) options.servername = u.hostname
    const socket = secure ? tls.connect(options) : net.connect(options)
    let received = Buffer.alloc(0)
    socket.on(secure ? 'secureConnect' : 'connect', () => {
      socket.write('GET ' + u.pathname + ' HTTP/1.1\\r\\nHost: ' + u.host + '\\r\\nAccept: application/json\\r\\nConnection: close\\r\\n\\r\\n')
    })
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk])
      const answer = parseHttp(received, false)
      if (answer) {
        socket.destroy()
        resolve(answer)
      }
    })
    socket.on('error', reject)
    socket.on('close', () => {
      const answer = parseHttp(received, true)
      if (answer) resolve(answer)
      else reject(new Error('the connection closed after ' + received.length + ' bytes, with no HTTP answer'))
    })
  })
}

/** A Postgres SSLRequest (not HTTP) written on a plain socket; resolves when the peer closes. */
function rawBytes(target) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(target)
    let received = 0
    socket.on('connect', () => socket.write(Buffer.from([0, 0, 0, 8, 4, 210, 22, 47])))
    socket.on('data', (chunk) => {
      received += chunk.length
    })
    socket.on('error', reject)
    socket.on('close', (hadError) => {
      if (!hadError) resolve({ status: 'closed', body: received + ' bytes received' })
    })
  })
}

function openWebSocket(open) {
  return new Promise((resolve, reject) => {
    const socket = open()
    socket.onopen = () => {
      socket.close()
      resolve({ status: 'open', body: '' })
    }
    socket.onerror = (event) => reject(new Error('WebSocket error event' + (event && event.message ? ': ' + event.message : '')))
    socket.onclose = (event) => reject(new Error('WebSocket closed with code ' + event.code))
  })
}
`

function served(title: string, client: Client): string {
  return `test(${JSON.stringify(title)}, async () => {
  const get = ${client.get}
  const before = lookups.length
  const outcomes = []
  try {
    const first = answered(await attempt(() => get(SERVED.${client.scheme}[0]), 5000), outcomes)
    if (first.status !== undefined) expect(first.status).toBe(200)
    expect(JSON.parse(first.body)).toMatchObject({ id: 1, name: 'Ada Lovelace' })
    postman.use({ code: 401 })
    const second = answered(await attempt(() => get(SERVED.${client.scheme}[1]), 5000), outcomes)
    if (second.status !== undefined) expect(second.status).toBe(401)
    expect(JSON.parse(second.body)).toMatchObject({ error: 'unauthorized' })
    expect(postman.calls()).toMatchObject([
      { status: 200, example: { name: 'Get user OK' } },
      { status: 401, example: { name: 'Unauthorized' } },
    ])
  } finally {
    observe(${JSON.stringify(title)}, outcomes, before)
  }
})
`
}

/** The app swallows the client's error: only postmock's report can fail a refused test. */
function swallowed(title: string, client: Client, target: string, ms = 4000): string {
  return `test(${JSON.stringify(title)}, async () => {
  const get = ${client.get}
  const before = lookups.length
  const result = await attempt(() => get(${target}), ${ms})
  observe(${JSON.stringify(title)}, [result.outcome], before)
})
`
}

function allowed(title: string, client: Client): string {
  return `test(${JSON.stringify(title)}, async () => {
  const get = ${client.get}
  const before = lookups.length
  const outcomes = []
  try {
    answered(await attempt(() => get({ host: '127.0.0.1', port: PORTS[${JSON.stringify(title)}] }), 4000), outcomes)
  } finally {
    observe(${JSON.stringify(title)}, outcomes, before)
  }
})
`
}

function testsOf(client: Client): string {
  return CASES[client.kind]
    .map((kase) => {
      const title = titleOf(client, kase)
      const port = `PORTS[${JSON.stringify(title)}]`
      if (client.kind === 'http')
        return kase === 'served'
          ? served(title, client)
          : swallowed(title, client, `refusedUrl(${JSON.stringify(title)}, '${client.scheme}')`)
      if (client.kind === 'websocket') return swallowed(title, client, `'ws://127.0.0.1:' + ${port} + '/ws'`)
      const [host, portNumber] = UNRESOLVED_TARGET.split(':')
      return kase === 'allowed'
        ? allowed(title, client)
        : swallowed(title, client, `{ host: '${host}', port: ${portNumber} }`, 3000)
    })
    .join('\n')
}

export interface InnerFileOptions {
  runner: Runner
  system: ModuleSystem
  clients: readonly Client[]
  collection: string
  environment: string
  /** Per library name, its package and declared engines, added to the reason when it does not load. */
  engines: Record<string, string>
}

const RECORD_TOOLCHAIN = `if (OBSERVATIONS) {
  const msw = 'msw' in libraries ? ('getCleanUrlString' in libraries.msw ? 3 : 2) : 'not loaded: ' + loadErrors.msw
  appendFileSync(OBSERVATIONS, JSON.stringify({ title: '${TOOLCHAIN_TITLE}', node: process.version, msw }) + '\\n')
}
`

/** The generated matrix test file: imports, the shared harness, then one test per client case. */
export function innerFile(options: InnerFileOptions): string {
  const { runner, system, clients } = options
  return [
    system === 'esm' ? ESM_IMPORTS : CJS_IMPORTS,
    runnerImports(runner, system),
    `const COLLECTION = ${JSON.stringify(options.collection)}`,
    `const ENV = ${JSON.stringify(options.environment)}`,
    `const ENGINES = ${JSON.stringify(options.engines)}`,
    HARNESS,
    libraryLoads(system),
    RECORD_TOOLCHAIN,
    ...clients.map(testsOf),
  ].join('\n')
}

/**
 * The passthrough control: the same setup with the counter's origin listed in `passthrough`; global
 * fetch must reach it (proving the counters count what gets through).
 */
export function controlFile(runner: Runner, system: ModuleSystem, collection: string, environment: string) {
  return `${runnerImports(runner, system)}
const COLLECTION = ${JSON.stringify(collection)}
const ENV = ${JSON.stringify(environment)}
const PORT = JSON.parse(process.env.${PORTS_ENV} || '{}')[${JSON.stringify(CONTROL_TITLE)}]
setupPostmanMocks(COLLECTION, {
  environment: ENV,
  baseUrls: ['https://api.example.com'],
  passthrough: ['http://127.0.0.1:' + PORT],
})

test(${JSON.stringify(CONTROL_TITLE)}, async () => {
  const response = await fetch('http://127.0.0.1:' + PORT + '/control')
  expect(response.status).toBe(200)
  expect(await response.text()).toBe('counted')
})
`
}

export const CONTROL_TITLE = 'global fetch · passthrough control'
