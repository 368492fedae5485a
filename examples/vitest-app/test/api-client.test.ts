import { expect, test } from 'vitest'
import { createApiClient, UnauthorizedError } from '../src/api-client'
import { servePostman } from './postman'

const postman = servePostman()
const client = createApiClient({ baseUrl: 'https://api.example.com', token: 'test-token' })

test('getUser returns the saved 200 example', async () => {
  await expect(client.getUser(1)).resolves.toEqual({ id: 1, name: 'Ada Lovelace', email: 'ada@example.com' })
  expect(postman.calls({ request: 'Get user' })).toMatchObject([
    { status: 200, example: { name: 'Get user OK' } },
  ])
})

test('getUser throws UnauthorizedError on the 401 example', async () => {
  postman.use({ request: 'Get user', code: 401 })
  await expect(client.getUser(1)).rejects.toThrow(UnauthorizedError)
  await expect(client.getUser(1)).rejects.toThrow('Missing or invalid token')
  expect(postman.calls({ status: 401 })).toHaveLength(2)
})

test('the same collection answers on a Postman mock host', async () => {
  const mockClient = createApiClient({ baseUrl: 'https://abc123.mock.pstmn.io' })
  postman.use({ example: 'Unauthorized' })
  await expect(mockClient.getUser(1)).rejects.toThrow(UnauthorizedError)
})

test.concurrent('concurrent tests keep their own overrides (401)', async () => {
  postman.use({ code: 401 })
  await new Promise((done) => setTimeout(done, 20))
  await expect(client.getUser(1)).rejects.toThrow(UnauthorizedError)
})

test.concurrent('concurrent tests keep their own overrides (200)', async () => {
  await expect(client.getUser(1)).resolves.toMatchObject({ name: 'Ada Lovelace' })
})
