/**
 * The files of the projects browser-coverage.test.ts generates: two browser-mode test files that serve
 * 6 of the 9 examples of the shop and orders collections (coverage-kit), one Node test file for the mixed
 * run, and the configs (browser only; a Node project beside a browser project).
 */

const SHOP = 'https://shop.example.com'

const head = `
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { setupPostmanMocks } from '@postmock/vitest'
import shop from './shop.postman_collection.json'
import orders from './orders.postman_collection.json'

const postman = setupPostmanMocks([
  { collection: shop, baseUrls: ['${SHOP}'] },
  { collection: orders, baseUrls: ['https://orders.example.com'] },
])
const order = () => fetch('${SHOP}/orders', { method: 'POST', body: '{}' })
const product = () => fetch('${SHOP}/products/1')
`

/** Browser-mode test files: 8 calls served by 6 examples, one of them in beforeAll, one in afterAll. */
export const BROWSER_COVERAGE_FILES: Record<string, string> = {
  'products.test.js': `${head}
describe('products', () => {
  test('lists products', async () => {
    expect((await fetch('${SHOP}/products')).status).toBe(200)
    expect((await fetch('${SHOP}/products')).status).toBe(200)
  })
  test('product not found', async () => {
    postman.use({ request: 'Get product', code: 404 })
    expect((await product()).status).toBe(404)
  })
})
`,
  'orders.test.js': `${head}
// counted for the file's first test, as in Node
beforeAll(async () => {
  expect((await product()).status).toBe(200)
})
// counted for no test
afterAll(async () => {
  expect((await product()).status).toBe(200)
})

test('creates an order', async () => {
  expect((await order()).status).toBe(201)
})
test('lists orders', async () => {
  expect((await fetch('https://orders.example.com/orders')).status).toBe(200)
})
test('a bad order', async () => {
  await postman.isolate(async () => {
    postman.use({ request: 'Create order', code: 400 })
    expect((await order()).status).toBe(400)
  })()
})
`,
}

/** A Node test file (the mixed run): the 401 example no browser file serves. */
export const NODE_COVERAGE_FILE = `
import { expect, test } from 'vitest'
import { setupPostmanMocks } from '@postmock/vitest'

const postman = setupPostmanMocks([
  { collection: './shop.postman_collection.json', baseUrls: ['${SHOP}'] },
  { collection: './orders.postman_collection.json', baseUrls: ['https://orders.example.com'] },
])

test('signed out', async () => {
  postman.use({ request: 'Create order', code: 401 })
  expect((await fetch('${SHOP}/orders', { method: 'POST', body: '{}' })).status).toBe(401)
})
`

const BROWSER = `{
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' } }),
      instances: [{ browser: 'chromium' }],
    }`

const IMPORTS = `
import { playwright } from '@vitest/browser-playwright'
import { postmockWorker } from '@postmock/vitest/plugin'
`

const reporters = (options: object) =>
  `['default', ['json', { outputFile: 'results.json' }], ['@postmock/vitest/reporter', ${JSON.stringify(options)}]]`

/** Browser mode only: the two browser files in two pages at once. */
export const browserCoverageConfig = (options: object): string => `${IMPORTS}
export default {
  plugins: [postmockWorker()],
  test: {
    include: ['*.test.js'],
    maxWorkers: 2,
    testTimeout: 60_000,
    reporters: ${reporters(options)},
    browser: ${BROWSER},
  },
}
`

/** A Node project and a browser-mode project in one run, one reporter (both with postmockWorker()). */
export const mixedCoverageConfig = (options: object): string => `${IMPORTS}
export default {
  test: {
    reporters: ${reporters(options)},
    projects: [
      // the plugin in a Node project changes nothing there
      { plugins: [postmockWorker()], test: { name: 'node', include: ['*.node.test.mjs'], environment: 'node' } },
      {
        plugins: [postmockWorker()],
        test: { name: 'browser', include: ['*.test.js'], maxWorkers: 2, testTimeout: 60_000, browser: ${BROWSER} },
      },
    ],
  },
}
`
