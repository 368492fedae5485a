/** `postman.verify()` through the session: the current scope's choice, no call recorded. */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createPostmockSession, type PostmockSession } from '../src/index.js'
import { ORDERS_COLLECTION } from './project-kit.js'

let session: PostmockSession
beforeAll(async () => {
  session = createPostmockSession(
    [{ collection: ORDERS_COLLECTION, baseUrls: ['https://orders.example.com'] }],
    {},
  )
  await session.start()
})
afterAll(() => session.stop())

const json = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'application/json' } })

test('verify() compares a real answer with the example the current scope chooses', async () => {
  const request = () => new Request('https://orders.example.com/orders')
  const same = await session.mocks.verify(request(), json('[{"id":8},{"id":9}]'))
  expect(same).toMatchObject({ ok: true, example: { name: 'Orders' }, differences: [] })
  const drifted = await session.mocks.verify(request(), json('[{"id":"8","total":3}]'))
  expect(drifted.differences.map((d) => d.text)).toEqual(['$[*].id number → string', '$[*].total unexpected'])
  session.mocks.use({ code: 500, once: true })
  const down = await session.mocks.verify(request(), json('[{"id":8}]'))
  expect(down.example?.name).toBe('Orders down')
  expect(down.differences.map((d) => d.text)).toEqual(['status 500 → 200'])
  expect(session.mocks.calls()).toEqual([])
  // the once override is still there for the next real request
  expect((await fetch(request())).status).toBe(500)
  await session.endTest()
})

test('verify() of a request no source serves', async () => {
  const result = await session.mocks.verify(new Request('https://elsewhere.example.com/x'), json('{}'))
  expect(result.ok).toBe(false)
  expect(result.differences[0]?.kind).toBe('no-example')
  await session.endTest()
})
