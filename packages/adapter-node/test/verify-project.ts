/**
 * A test file for a real runner project (Vitest or Jest): `postman.verify()` through
 * `setupPostmanMocks()`, an answer like the example and a drifted one, with no call recorded.
 */
export function verifyTestFile(packageName: '@postmock/vitest' | '@postmock/jest', globals: string): string {
  return `import { expect, test } from '${globals}'
import { setupPostmanMocks } from '${packageName}'

const postman = setupPostmanMocks('./testAPI.postman_collection.json', {
  environment: './testAPIEnv.postman_environment.json',
  baseUrls: ['https://api.example.com'],
})
const json = (body, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const request = () => new Request('https://api.example.com/users/1')

test('verify: an answer shaped like the example', async () => {
  const result = await postman.verify(request(), json({ id: 7, name: 'Grace', email: 'grace@example.com' }))
  expect(result.ok).toBe(true)
  expect(result.example.name).toBe('Get user OK')
})

test('verify: drift against the example use() chooses, no call recorded, the once override kept', async () => {
  postman.use({ request: 'Get user', code: 401, once: true })
  const result = await postman.verify(request(), json({ id: '7', name: 'Grace' }))
  expect(result.example.name).toBe('Unauthorized')
  expect(result.differences.map((d) => d.text)).toEqual(['status 401 → 200'])
  expect(postman.calls()).toEqual([])
  expect((await fetch(request())).status).toBe(401)
})

test('verify: JSON paths that differ', async () => {
  const result = await postman.verify(request(), json({ id: '7', name: 'Grace', admin: true }))
  expect(result.differences.map((d) => d.text)).toEqual(['$.id number → string', '$.email missing', '$.admin unexpected'])
})
`
}
