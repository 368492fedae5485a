/**
 * Files are isolated: Vitest opens a page per file (two at a time here, maxWorkers: 2), each with its own
 * worker client, so isolation-a's use() override (401) and calls never reach isolation-b (200), and back.
 */
import { expect, test } from 'vitest'
import { servePostman } from './postman'

const postman = servePostman()
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

test('file b: its own answers whatever the other file does', async () => {
  // no override in this file: the saved 200
  for (let i = 0; i < 10; i++) {
    const response = await fetch('https://api.example.com/users/1', {
      headers: { authorization: 'Bearer t' },
    })
    expect(response.status).toBe(200)
    await sleep(20)
  }
  expect(postman.calls()).toHaveLength(10)
  expect(postman.calls({ status: 401 })).toEqual([])
})
