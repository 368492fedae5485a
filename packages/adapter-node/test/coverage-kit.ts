/**
 * Shared by the coverage-reporter suites (Vitest, Jest): a shop collection with 7 examples over 3
 * requests and the test files that serve 6 of the 9 examples (shop + orders) from three files, one
 * of them with concurrent tests. The suites assert the exact merged report these produce.
 */
import { readFileSync } from 'node:fs'
import type { CoverageReport } from '@postmock/core'

const SHOP = 'https://shop.example.com'

function item(name: string, method: string, path: string, responses: Array<[number, string]>) {
  const url = {
    raw: `${SHOP}/${path}`,
    protocol: 'https',
    host: ['shop', 'example', 'com'],
    path: path.split('/'),
  }
  return {
    name,
    request: { method, url, header: [] },
    response: responses.map(([code, example]) => ({
      name: example,
      code,
      status: '',
      header: [{ key: 'Content-Type', value: 'application/json' }],
      body: JSON.stringify({ example }),
      originalRequest: { method, url, header: [] },
    })),
  }
}

/** 3 requests, 7 examples: 2xx ×3, 4xx ×3, 5xx ×1. */
export const SHOP_COLLECTION = {
  info: { name: 'shop', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [
    item('List products', 'GET', 'products', [
      [200, 'Products'],
      [500, 'Products down'],
    ]),
    item('Get product', 'GET', 'products/1', [
      [200, 'Product'],
      [404, 'No such product'],
    ]),
    item('Create order', 'POST', 'orders', [
      [201, 'Order created'],
      [400, 'Bad order'],
      [401, 'Signed out'],
    ]),
  ],
}

/** Test files (ESM; Vitest's two concurrent tests are sequential in Jest): 8 calls served by 6 examples. */
export function coverageTestFiles(runner: '@postmock/vitest' | '@postmock/jest'): Record<string, string> {
  const globals = runner === '@postmock/vitest' ? 'vitest' : '@jest/globals'
  // Vitest names concurrent tests from their task; Jest's run one after another here
  const concurrent = runner === '@postmock/vitest' ? 'test.concurrent' : 'test'
  const head = () => `
import { appendFileSync } from 'node:fs'
import { threadId } from 'node:worker_threads'
import { describe, expect, test } from '${globals}'
import { setupPostmanMocks } from '${runner}'

const postman = setupPostmanMocks([
  { collection: './shop.postman_collection.json', baseUrls: ['${SHOP}'] },
  { collection: './orders.postman_collection.json', baseUrls: ['https://orders.example.com'] },
])
appendFileSync('workers.txt', process.pid + '-' + threadId + '\\n')
const order = () => fetch('${SHOP}/orders', { method: 'POST', body: '{}' })
`
  return {
    'products.test.mjs': `${head()}
describe('products', () => {
  test('lists products', async () => {
    expect((await fetch('${SHOP}/products')).status).toBe(200)
    expect((await fetch('${SHOP}/products')).status).toBe(200)
  })
  test('product not found', async () => {
    postman.use({ request: 'Get product', code: 404 })
    expect((await fetch('${SHOP}/products/1')).status).toBe(404)
  })
})
`,
    'orders.test.mjs': `${head()}
test('creates an order', async () => {
  expect((await order()).status).toBe(201)
})
test('lists orders', async () => {
  expect((await fetch('https://orders.example.com/orders')).status).toBe(200)
})
`,
    'concurrent.test.mjs': `${head()}
const sleep = (ms) => new Promise((done) => setTimeout(done, ms))
const product = () => fetch('${SHOP}/products/1')
${concurrent}('A gets a product', async () => {
  await sleep(30)
  expect((await product()).status).toBe(200)
})
${concurrent}('B gets a product', async () => {
  expect((await product()).status).toBe(200)
})
test('a bad order', async () => {
  postman.use({ request: 'Create order', code: 400 })
  expect((await order()).status).toBe(400)
})
`,
  }
}

/** Reads a `postmock-coverage.json`. */
export function readReport(path: string): CoverageReport {
  return JSON.parse(readFileSync(path, 'utf8')) as CoverageReport
}

/** `{ "<collection> <code> <example>": { calls, tests } }` for a compact exact comparison. */
export function usage(report: CoverageReport): Record<string, { calls: number; tests: string[] }> {
  const out: Record<string, { calls: number; tests: string[] }> = {}
  for (const collection of report.collections) {
    for (const example of collection.examples) {
      out[`${collection.label} ${example.code} ${example.name}`] = {
        calls: example.calls,
        tests: example.tests,
      }
    }
  }
  return out
}

/**
 * What the three files of {@link coverageTestFiles} serve, per example: `nest` joins a describe block and
 * its test as the runner names them (Vitest `' > '`, Jest `' '`).
 */
export function expectedUsage(nest: string): Record<string, { calls: number; tests: string[] }> {
  return {
    'shop 200 Products': { calls: 2, tests: [`products.test.mjs > products${nest}lists products`] },
    'shop 500 Products down': { calls: 0, tests: [] },
    'shop 200 Product': {
      calls: 2,
      tests: ['concurrent.test.mjs > A gets a product', 'concurrent.test.mjs > B gets a product'],
    },
    'shop 404 No such product': { calls: 1, tests: [`products.test.mjs > products${nest}product not found`] },
    'shop 201 Order created': { calls: 1, tests: ['orders.test.mjs > creates an order'] },
    'shop 400 Bad order': { calls: 1, tests: ['concurrent.test.mjs > a bad order'] },
    'shop 401 Signed out': { calls: 0, tests: [] },
    'orders 200 Orders': { calls: 1, tests: ['orders.test.mjs > lists orders'] },
    'orders 500 Orders down': { calls: 0, tests: [] },
  }
}
