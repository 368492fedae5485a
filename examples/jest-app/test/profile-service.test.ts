/** @jest-environment node */
import { expect, test } from '@jest/globals'
import { setupPostmanMocks } from '@postmock/jest'
import { loadProfile } from '../src/profile-service'

// Paths resolve from process.cwd(): this app's folder, where Jest starts.
const postman = setupPostmanMocks('../testAPI.postman_collection.json', {
  environment: '../testAPIEnv.postman_environment.json',
  baseUrls: ['https://api.example.com'],
})

test('loads the profile from the 200 example', async () => {
  await expect(loadProfile('https://api.example.com', 1, 'test-token')).resolves.toEqual({
    ok: true,
    profile: { id: 1, name: 'Ada Lovelace', email: 'ada@example.com' },
  })
  expect(postman.calls({ request: 'Get user' })).toHaveLength(1)
})

test('reports signed-out on the 401 example', async () => {
  postman.use({ request: 'Get user', code: 401 })
  await expect(loadProfile('https://api.example.com', 1)).resolves.toEqual({
    ok: false,
    reason: 'signed-out',
    status: 401,
  })
})

test('a Postman mock host answers from the same collection', async () => {
  postman.use({ example: 'Unauthorized' })
  const result = await loadProfile('https://abc123.mock.pstmn.io', 1)
  expect(result).toMatchObject({ ok: false, status: 401 })
  expect(postman.calls()).toMatchObject([
    { url: 'https://abc123.mock.pstmn.io/users/1', example: { name: 'Unauthorized' } },
  ])
})
