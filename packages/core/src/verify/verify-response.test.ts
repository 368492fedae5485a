import { describe, expect, test } from 'vitest'
import { createPostmanMock } from '../index.js'

const schema = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
const API = 'https://api.test'

const collection = {
  info: { name: 'users', schema },
  item: [
    {
      name: 'Get user',
      request: { method: 'GET', url: `${API}/users/1` },
      response: [
        {
          id: 'ok',
          name: 'ok',
          code: 200,
          originalRequest: { method: 'GET', url: `${API}/users/1` },
          header: [{ key: 'Content-Type', value: 'application/json' }],
          body: '{"id":1,"email":"a@b.c"}',
        },
        {
          id: 'gone',
          name: 'gone',
          code: 404,
          originalRequest: { method: 'GET', url: `${API}/users/1` },
          header: [{ key: 'Content-Type', value: 'application/json' }],
          body: '{"error":"not found"}',
        },
      ],
    },
  ],
}

const real = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('PostmanMock.verify', () => {
  test('compares with the example the mock would answer, and the response stays readable', async () => {
    const postman = createPostmanMock(collection, { baseUrls: [API] })
    const response = real({ id: 'u1', email: 'x@y.z', admin: true })
    const result = await postman.verify(new Request(`${API}/users/1`), response)
    expect(result.ok).toBe(false)
    expect(result.example?.name).toBe('ok')
    expect(result.differences.map((d) => d.text)).toEqual(['$.id number → string', '$.admin unexpected'])
    expect(await response.json()).toEqual({ id: 'u1', email: 'x@y.z', admin: true })
    const same = await postman.verify(new Request(`${API}/users/1`), real({ id: 2, email: 'q@r.s' }))
    expect(same).toMatchObject({ ok: true, differences: [] })
  })

  test('records no call and uses up no once override', async () => {
    const postman = createPostmanMock(collection, { baseUrls: [API] })
    postman.use({ code: 404, once: true })
    const result = await postman.verify(new Request(`${API}/users/1`), real({ error: 'gone' }, 404))
    expect(result).toMatchObject({ ok: true, example: { name: 'gone' } })
    expect(postman.calls()).toEqual([])
    const answer = await postman.respond(new Request(`${API}/users/1`))
    expect(answer?.status).toBe(404)
    expect(postman.calls()).toHaveLength(1)
  })

  test('a request no example answers, and an origin not served', async () => {
    const postman = createPostmanMock(collection, { baseUrls: [API] })
    const none = await postman.verify(new Request(`${API}/orders`), real({}))
    expect(none.ok).toBe(false)
    expect(none.example).toBeUndefined()
    expect(none.differences[0]).toMatchObject({ kind: 'no-example', path: '$' })
    expect(none.differences[0]?.text).toContain('no example answers GET https://api.test/orders')
    const elsewhere = await postman.verify(new Request('https://other.test/users/1'), real({}))
    expect(elsewhere.differences[0]?.text).toContain('its origin is not served')
  })

  test('a used body is refused with a readable message', async () => {
    const postman = createPostmanMock(collection, { baseUrls: [API] })
    const response = real({ id: 1, email: 'a' })
    await response.text()
    await expect(postman.verify(new Request(`${API}/users/1`), response)).rejects.toThrow(
      '[postmock] Failed to verify the response: its body has already been read.',
    )
  })
})
