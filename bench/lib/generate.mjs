/**
 * A deterministic generator of realistic Postman v2.1 collections: folders per resource, several
 * examples per request (200/201/204 plus error codes), mixed methods, numeric IDs in paths, some
 * unresolved `{{var}}` wildcard segments, query parameters, JSON request and response bodies.
 */

/** A small seeded PRNG (mulberry32), so every run benches the same collection. */
export function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ADJECTIVES = [
  'billing',
  'shipping',
  'customer',
  'partner',
  'internal',
  'public',
  'legacy',
  'team',
  'audit',
  'report',
  'payment',
  'catalog',
  'inventory',
  'support',
  'user',
  'device',
  'tenant',
  'vendor',
  'loyalty',
  'tax',
  'media',
  'order',
  'price',
  'promo',
  'review',
  'search',
  'session',
  'storage',
  'webhook',
  'workflow',
]
const NOUNS = [
  'accounts',
  'addresses',
  'profiles',
  'invoices',
  'notes',
  'items',
  'groups',
  'roles',
  'events',
  'files',
  'tokens',
  'rules',
  'plans',
  'tickets',
  'comments',
  'tags',
  'jobs',
  'exports',
  'imports',
  'settings',
  'contacts',
  'channels',
  'quotes',
  'refunds',
  'batches',
  'labels',
  'tasks',
  'alerts',
  'limits',
  'keys',
]
const SUBS = ['members', 'history', 'attachments', 'versions', 'permissions', 'logs', 'links', 'metrics']
const ERRORS = [
  [400, 'Bad Request', 'validation_failed'],
  [401, 'Unauthorized', 'unauthorized'],
  [403, 'Forbidden', 'forbidden'],
  [404, 'Not Found', 'not_found'],
  [409, 'Conflict', 'conflict'],
  [429, 'Too Many Requests', 'rate_limited'],
  [500, 'Internal Server Error', 'internal_error'],
]

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)]
}

function resourceBody(rand, resource, id) {
  return {
    id,
    type: resource.replace(/s$/, ''),
    name: `${resource} ${id}`,
    status: pick(rand, ['active', 'pending', 'archived']),
    owner: { id: 1000 + Math.floor(rand() * 9000), email: `owner${id}@example.com` },
    tags: ['alpha', 'beta', 'gamma'].slice(0, 1 + Math.floor(rand() * 3)),
    amount: Math.round(rand() * 100000) / 100,
    created_at: '2026-01-15T10:20:30Z',
    updated_at: '2026-02-01T08:00:00Z',
  }
}

function header(key, value) {
  return { key, value }
}

/** A Postman URL object for `{{baseUrl}}/<segments>?<query>`. */
function url(segments, query = []) {
  const path = segments.join('/')
  const search = query.length ? `?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : ''
  return {
    raw: `{{baseUrl}}/${path}${search}`,
    host: ['{{baseUrl}}'],
    path: segments,
    ...(query.length ? { query: query.map(([key, value]) => ({ key, value })) } : {}),
  }
}

function request(method, segments, query, body) {
  return {
    method,
    header: [
      header('Accept', 'application/json'),
      ...(body ? [header('Content-Type', 'application/json')] : []),
    ],
    url: url(segments, query),
    ...(body
      ? { body: { mode: 'raw', raw: JSON.stringify(body), options: { raw: { language: 'json' } } } }
      : {}),
  }
}

function response(name, code, status, original, body) {
  return {
    name,
    originalRequest: original,
    status,
    code,
    _postman_previewlanguage: 'json',
    header: [
      header('Content-Type', 'application/json'),
      header('X-Request-Id', `req-${code}-${name.length}`),
    ],
    body: body === undefined ? '' : JSON.stringify(body, null, 2),
  }
}

/** The request templates of one resource: list, create, get, update, patch, delete, sub-resources. */
function templates(rand, prefix, resource) {
  const id = String(1 + Math.floor(rand() * 9999))
  const sub = pick(rand, SUBS)
  const subId = String(1 + Math.floor(rand() * 999))
  const base = [...prefix, resource]
  const item = resourceBody(rand, resource, Number(id))
  return [
    {
      name: `List ${resource}`,
      method: 'GET',
      segments: base,
      query: [
        ['page', '1'],
        ['limit', '20'],
      ],
      ok: 200,
      okBody: { data: [item], page: 1, limit: 20, total: 1 },
    },
    {
      name: `Create ${resource}`,
      method: 'POST',
      segments: base,
      query: [],
      ok: 201,
      okBody: item,
      body: { name: item.name, tags: item.tags },
    },
    { name: `Get ${resource}`, method: 'GET', segments: [...base, id], query: [], ok: 200, okBody: item },
    {
      name: `Update ${resource}`,
      method: 'PUT',
      segments: [...base, id],
      query: [],
      ok: 200,
      okBody: item,
      body: { name: item.name, status: item.status },
    },
    {
      name: `Patch ${resource}`,
      method: 'PATCH',
      segments: [...base, id],
      query: [],
      ok: 200,
      okBody: item,
      body: { status: 'archived' },
    },
    {
      name: `Delete ${resource}`,
      method: 'DELETE',
      segments: [...base, id],
      query: [],
      ok: 204,
      okBody: undefined,
    },
    {
      name: `Search ${resource}`,
      method: 'GET',
      segments: [...base, 'search'],
      query: [
        ['q', 'alpha'],
        ['sort', 'name'],
        ['order', 'asc'],
      ],
      ok: 200,
      okBody: { data: [item], total: 1 },
    },
    {
      name: `List ${resource} ${sub}`,
      method: 'GET',
      segments: [...base, id, sub],
      query: [['limit', '10']],
      ok: 200,
      okBody: { data: [{ id: Number(subId), parent: Number(id) }] },
    },
    // Unresolved {{var}} segments: Postman's wildcard step (spec §3.5).
    {
      name: `Get ${resource} ${sub} item`,
      method: 'GET',
      segments: [...base, `{{${resource.replace(/\W/g, '')}Id}}`, sub, '{{subId}}'],
      query: [],
      ok: 200,
      okBody: { id: Number(subId), parent: Number(id), kind: sub },
    },
    {
      name: `Add ${resource} ${sub}`,
      method: 'POST',
      segments: [...base, '{{parentId}}', sub],
      query: [],
      ok: 201,
      okBody: { id: Number(subId), kind: sub },
      body: { kind: sub },
    },
  ]
}

/**
 * A collection with exactly `examples` examples (when ≥ 1): requests grouped in folders per resource,
 * 1–4 examples per request (the success first, then errors).
 */
export function generateCollection(examples, seed = 42) {
  const rand = random(seed)
  const folders = []
  let count = 0
  let resourceIndex = 0
  while (count < examples) {
    const adjective = ADJECTIVES[resourceIndex % ADJECTIVES.length]
    const noun = NOUNS[Math.floor(resourceIndex / ADJECTIVES.length) % NOUNS.length]
    const version = 1 + Math.floor(resourceIndex / (ADJECTIVES.length * NOUNS.length))
    const resource = `${adjective}-${noun}`
    const prefix = ['api', `v${version}`]
    const items = []
    for (const t of templates(rand, prefix, resource)) {
      if (count >= examples) break
      const wanted = Math.min(examples - count, 1 + Math.floor(rand() * 4))
      const original = request(t.method, t.segments, t.query, t.body)
      const responses = [
        response(
          t.ok === 204 ? 'Deleted' : 'Success',
          t.ok,
          t.ok === 201 ? 'Created' : t.ok === 204 ? 'No Content' : 'OK',
          original,
          t.okBody,
        ),
      ]
      const errors = [...ERRORS].sort(() => rand() - 0.5)
      for (let e = 1; e < wanted; e++) {
        const [code, status, error] = errors[e - 1]
        // An error example often differs by a query value (e.g. an invalid page) or by the saved ID.
        const query =
          t.query.length && code === 400
            ? t.query.map(([k, v], i) => (i === 0 ? [k, '-1'] : [k, v]))
            : t.query
        const errorRequest = request(t.method, t.segments, query, t.body)
        responses.push(
          response(`${status}`, code, status, errorRequest, {
            error,
            message: `${status} for ${t.name}`,
            request_id: `r${count + e}`,
          }),
        )
      }
      count += responses.length
      items.push({
        name: t.name,
        request: request(t.method, t.segments, t.query, t.body),
        response: responses,
      })
    }
    folders.push({ name: resource, item: items })
    resourceIndex++
  }
  return {
    info: {
      name: `Generated ${examples} examples`,
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: folders,
    variable: [{ key: 'baseUrl', value: 'https://api.example.com' }],
  }
}
