/**
 * The failures, proved in the same run: each failing test is marked `test.fails` (Vitest passes it
 * only if it fails, hooks included), `onTestFailed` keeps the errors it failed with, and the test
 * after it asserts the report. Were postmock not to fail them, Vitest would report "Expect test to fail".
 */
import { expect, onTestFailed, test } from 'vitest'
import { commands } from 'vitest/browser'
import { servePostman } from './postman'

const postman = servePostman()
const failures: Record<string, string> = {}
const keepFailure = (name: string) =>
  onTestFailed(({ task }) => {
    failures[name] = (task.result?.errors ?? []).map((error) => error.message).join('\n')
  })

test.fails('an unmatched path fails the test that requested it', async () => {
  keepFailure('unmatched')
  const response = await fetch('https://api.example.com/users/1/posts')
  // the app gets what Postman's mock server answers...
  expect(response.status).toBe(404)
  expect(await response.json()).toMatchObject({ error: { name: 'mockRequestNotFoundError' } })
})

test("...with core's near-miss report", () => {
  expect(failures.unmatched).toContain('[postmock] Failed to match GET https://api.example.com/users/1/posts')
  expect(failures.unmatched).toContain('Closest examples:')
  expect(failures.unmatched).toMatch(/"Get user OK" \(200\) of "Get user": GET \/users\/1/)
})

test.fails('a request to an unserved origin is refused and fails its test', async () => {
  keepFailure('refused')
  const origin = await commands.loopbackOrigin()
  // the app sees a network error, as for a server that cannot be reached
  await expect(fetch(`${origin}/secret`)).rejects.toThrow(TypeError)
})

test('...the refusal names the origin, and the loopback server saw no connection', async () => {
  expect(failures.refused).toMatch(
    /\[postmock\] Failed to send GET http:\/\/127\.0\.0\.1:\d+\/secret: its origin is not served/,
  )
  expect(failures.refused).toContain('never sent to the network')
  expect(await commands.loopbackConnections()).toBe(0)
})

test('the test after them passes: nothing is carried over', async () => {
  expect(postman.calls()).toEqual([])
  expect((await fetch('https://api.example.com/users/1')).status).toBe(200)
})

test("isolate() runs a function in its own scope and throws that scope's unmatched requests", async () => {
  postman.use({ request: 'Get user', code: 401 })
  const inIsolation = postman.isolate(async () => {
    expect((await fetch('https://api.example.com/users/1')).status).toBe(200) // not this test's override
    await fetch('https://api.example.com/nothing-here')
  })
  await expect(inIsolation()).rejects.toThrow(
    '[postmock] Failed to match GET https://api.example.com/nothing-here',
  )
  expect(postman.calls()).toEqual([]) // its calls stayed in its scope
})
