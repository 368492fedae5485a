/**
 * Real-world round trip: every collection in fixtures/collections loads, and for each example a request
 * built from its own saved request (as an app would send it) is answered by that example, or by one that
 * ties with it on method, path and query. The percentage per collection is printed.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createPostmanMock, type ExampleInfo } from '@postmock/core'
import { afterAll, describe, expect, test } from 'vitest'

const dir = join(import.meta.dirname, 'fixtures/collections')
const files = readdirSync(dir).filter((f) => f.endsWith('.postman_collection.json'))
const MOCK = 'https://roundtrip.mock.pstmn.io'

type Json = Record<string, unknown>

/** Collection variables < environment: the values an app would send. */
function scopeOf(collection: Json, environment: Json | undefined): Map<string, string> {
  const scope = new Map<string, string>()
  for (const v of (collection.variable as Json[] | undefined) ?? []) {
    const key = v.key ?? v.id
    if (v.disabled !== true && typeof key === 'string') scope.set(key, String(v.value ?? ''))
  }
  for (const v of (environment?.values as Json[] | undefined) ?? []) {
    if (v.enabled !== false && typeof v.key === 'string') scope.set(v.key, String(v.value ?? ''))
  }
  return scope
}

function fill(text: string, scope: Map<string, string>): string {
  let out = text
  for (let i = 0; i < 10 && /\{\{[^{}]+\}\}/.test(out); i++) {
    out = out.replace(/\{\{([^{}]+)\}\}/g, (token, name: string) => scope.get(name) ?? token)
  }
  return out
}

/** Walks v2 items (v1 requests are walked through their `responses`). */
function* savedRequests(collection: Json): Generator<{ request: Json | string; id: unknown }> {
  if (Array.isArray(collection.requests) && !Array.isArray(collection.item)) {
    for (const request of collection.requests as Json[]) {
      for (const response of (request.responses as Json[] | undefined) ?? []) {
        const saved =
          typeof response.request === 'object' && response.request
            ? { ...request, ...(response.request as Json) }
            : request
        yield {
          request: {
            method: saved.method,
            url: { raw: saved.url, variable: saved.pathVariableData },
            header: saved.headers,
          },
          id: response.id,
        }
      }
    }
    return
  }
  const walk = function* (items: Json[]): Generator<{ request: Json | string; id: unknown }> {
    for (const item of items) {
      if (Array.isArray(item.item)) yield* walk(item.item as Json[])
      else
        for (const response of (item.response as Json[] | undefined) ?? []) {
          yield {
            request: (response.originalRequest as Json | string | undefined) ?? (item.request as Json),
            id: response.id,
          }
        }
    }
  }
  yield* walk(collection.item as Json[])
}

/** Builds the Fetch request an app would send for a saved request. */
function buildRequest(saved: Json | string, scope: Map<string, string>): Request {
  const request: Json = typeof saved === 'string' ? { url: saved, method: 'GET' } : saved
  const url = request.url as Json | string | undefined
  let raw = typeof url === 'string' ? url : typeof url?.raw === 'string' ? url.raw : rebuild(url)
  if (typeof url === 'object' && url && Array.isArray(url.query)) {
    const base = raw.split('?')[0]!
    const query = (url.query as Json[])
      .filter((q) => q.disabled !== true && typeof q.key === 'string')
      .map(
        (q) =>
          `${encodeURIComponent(fill(String(q.key), scope))}=${encodeURIComponent(fill(String(q.value ?? ''), scope))}`,
      )
    raw = query.length ? `${base}?${query.join('&')}` : base
  }
  // Path variables take their saved value first; {{variables}} are filled afterwards (Postman's order).
  for (const v of typeof url === 'object' && url && Array.isArray(url.variable)
    ? (url.variable as Json[])
    : []) {
    if (typeof v.key === 'string' && v.value !== undefined && v.value !== null && v.value !== '') {
      raw = raw.replace(new RegExp(`/:${v.key}(?=[/.?#]|$)`, 'g'), `/${String(v.value)}`)
    }
  }
  raw = fill(raw.split('#')[0]!, scope)
  // Everything after the host (a scheme-less URL's first part is its host, as in Postman).
  const withoutScheme = raw.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
  const slash = withoutScheme.search(/[/?]/)
  let rest = slash >= 0 ? withoutScheme.slice(slash) : '/'
  if (raw.startsWith('/')) rest = raw
  if (rest.startsWith('?')) rest = `/${rest}`
  const [path, query] = rest.split(/\?(.*)/s)
  const encodedPath = path!
    .split('/')
    .map((s) => encodeURIComponent(decodeSafe(s)))
    .join('/')
  const method = String(request.method ?? 'GET').toUpperCase()
  const headers = new Headers()
  const list = request.header
  if (Array.isArray(list)) {
    for (const h of list as Json[]) {
      if (h.disabled === true || typeof h.key !== 'string' || /^x-mock-|^x-api-key$/i.test(h.key)) continue
      try {
        headers.set(h.key, fill(String(h.value ?? ''), scope))
      } catch {
        // a header a browser could not send either
      }
    }
  }
  let body: string | undefined
  const saved_body = request.body as Json | undefined
  if (saved_body && method !== 'GET' && method !== 'HEAD') {
    if (saved_body.mode === 'raw' && typeof saved_body.raw === 'string') body = fill(saved_body.raw, scope)
    if (saved_body.mode === 'urlencoded') {
      body = ((saved_body.urlencoded as Json[]) ?? [])
        .filter((p) => p.disabled !== true)
        .map(
          (p) =>
            `${encodeURIComponent(String(p.key))}=${encodeURIComponent(fill(String(p.value ?? ''), scope))}`,
        )
        .join('&')
      headers.set('content-type', 'application/x-www-form-urlencoded')
    }
    if (saved_body.mode === 'graphql') {
      const g = saved_body.graphql as Json
      const variables =
        typeof g.variables === 'string' && g.variables.trim()
          ? JSON.parse(fill(g.variables, scope))
          : (g.variables ?? {})
      body = JSON.stringify({ query: fill(String(g.query ?? ''), scope), variables })
      headers.set('content-type', 'application/json')
    }
  }
  return new Request(`${MOCK}${encodedPath}${query ? `?${query}` : ''}`, { method, headers, body })
}

/** A URL object without `raw`: host and path parts joined, as Postman shows them. */
function rebuild(url: Json | undefined): string {
  if (!url) return ''
  const host = Array.isArray(url.host) ? url.host.join('.') : String(url.host ?? '')
  const path = Array.isArray(url.path)
    ? url.path.map((p) => (typeof p === 'string' ? p : String((p as Json).value ?? ''))).join('/')
    : String(url.path ?? '')
  return `${host}/${path.replace(/^\//, '')}`
}

function decodeSafe(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

const results: string[] = []
afterAll(() => {
  console.log(
    `\nRound trip per collection (answered by the example itself, or by one tied on method+path+query):\n${results.join('\n')}`,
  )
})

const same = (a: ExampleInfo, b: ExampleInfo) =>
  a.method === b.method && a.path === b.path && a.query === b.query

describe('round trip over real collections', () => {
  test.each(files)('%s', async (file) => {
    const collection = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json
    const envFile = file.replace('.postman_collection.json', '.postman_environment.json')
    const environment =
      files.length && readdirSync(dir).includes(envFile)
        ? (JSON.parse(readFileSync(join(dir, envFile), 'utf8')) as Json)
        : undefined
    const warnings: string[] = []
    const mock = createPostmanMock(collection, {
      environment: environment as never,
      onWarning: (w) => warnings.push(w.message),
    })
    const scope = scopeOf(collection, environment)
    const saved = [...savedRequests(collection)]
    expect(mock.examples.length).toBe(saved.length)
    let ok = 0
    const misses: string[] = []
    for (const [i, { request, id }] of saved.entries()) {
      // v1 examples are listed in folder order by core, so pair them by id (v2: same order, ids may be absent)
      const target = (id !== undefined && mock.examples.find((e) => e.id === id)) || mock.examples[i]!
      const response = await mock.respond(buildRequest(request, scope))
      const call = mock.calls().at(-1)!
      const winner = mock.examples.find((e) => e.location === call.example?.location)
      if (response && winner && (winner === target || same(winner, target))) ok++
      else
        misses.push(
          `${target.location} ${target.method} ${target.path} → ${call.status} ${call.example?.name ?? 'not found'}`,
        )
    }
    const pct = saved.length ? (100 * ok) / saved.length : 100
    results.push(
      `  ${file.padEnd(58)} ${String(ok).padStart(4)}/${String(saved.length).padEnd(4)} ${pct.toFixed(1)}%${warnings.length ? `  (${warnings.length} skipped with a warning)` : ''}`,
    )
    expect(misses).toEqual([])
  })
})
