import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { main } from '../src/cli.js'
import { API_KEY, type FakePostmanApi, IDS, startFakePostmanApi, uid } from './fake-postman-api.js'

// `api.example.test` stands for another machine; fetch is pointed at the fake API on 127.0.0.1, so
// nothing leaves this machine. In-process, as a child process could not be given that fetch.
let api: FakePostmanApi
let dir: string

function sink() {
  let text = ''
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk)
      done()
    },
  })
  return { stream, text: () => text }
}

async function pullInProcess(args: string[], env: Record<string, string> = {}) {
  const realFetch = globalThis.fetch
  vi.stubGlobal('fetch', (input: string | URL, init?: RequestInit) =>
    realFetch(String(input).replace(/^https?:\/\/api\.example\.test/, api.url), init),
  )
  const stdout = sink()
  const stderr = sink()
  const io = {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { POSTMAN_API_KEY: API_KEY, ...env },
    cwd: dir,
  }
  const code = await main(['pull', '--collection', uid(IDS.testApi), '--out', dir, ...args], io)
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}

beforeAll(async () => {
  api = await startFakePostmanApi()
})
afterAll(async () => {
  await api.close()
})
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'postmock-http-'))
})
afterEach(async () => {
  vi.unstubAllGlobals()
  await rm(dir, { recursive: true, force: true })
})

describe('postmock pull: plain http', () => {
  it('warns once when --api-url is plain http to another machine', async () => {
    const result = await pullInProcess(['--api-url', 'http://api.example.test'])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe(
      '[postmock] Warning: --api-url http://api.example.test is plain HTTP to another machine, so your API key and the collections cross the network unencrypted. Use https:// unless you trust every network in between.\n',
    )
    expect(result.stdout).toContain('Pulled collection "testAPI"')
  })

  it('names POSTMAN_API_URL when the URL comes from there', async () => {
    const result = await pullInProcess([], { POSTMAN_API_URL: 'http://api.example.test/' })
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(
      /^\[postmock\] Warning: POSTMAN_API_URL http:\/\/api\.example\.test is plain HTTP/,
    )
  })

  it('says nothing for https, nor for http to this machine', async () => {
    expect((await pullInProcess(['--api-url', 'https://api.example.test'])).stderr).toBe('')
    expect((await pullInProcess(['--api-url', api.url])).stderr).toBe('')
  })

  it('refuses a URL that is not http or https', async () => {
    const result = await pullInProcess(['--api-url', 'ftp://api.example.test'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      '[postmock] Failed to run postmock pull: --api-url is not an http:// or https:// URL: "ftp://api.example.test". See postmock pull --help.\n',
    )
  })
})
