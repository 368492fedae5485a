// #12: timeouts and a connection cap suited to a mock server; a header HTTP cannot carry never turns into `500 OK`.
import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'
import { COLLECTION, ENVIRONMENT, openConnection, until, writeCollection } from './serve-kit.js'
import { rawRequest, startServe } from './serve-process.js'

describe('postmock serve: timeouts and connection cap', () => {
  it('answers 408 and closes a connection whose headers do not arrive within --headers-timeout', async () => {
    const server = await startServe([
      COLLECTION,
      '-e',
      ENVIRONMENT,
      '--headers-timeout',
      '500',
      '--request-timeout',
      '1000',
    ])
    try {
      const slow = await openConnection(server.port, 'GET /users/1 HTTP/1.1\r\nHost: localhost\r\n')
      const closedAfter = await slow.closed
      expect(slow.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/)
      expect(closedAfter).toBeGreaterThan(400)
      expect(closedAfter).toBeLessThan(5000)
    } finally {
      await server.stop()
    }
  })

  it('closes an idle keep-alive connection after --keep-alive-timeout, and says the default in its answers', async () => {
    const server = await startServe([COLLECTION, '-e', ENVIRONMENT, '--keep-alive-timeout', '1000'])
    const byDefault = await startServe([COLLECTION, '-e', ENVIRONMENT])
    try {
      const idle = await openConnection(server.port, 'GET /users/1 HTTP/1.1\r\nHost: localhost\r\n\r\n')
      await until(() => idle.received().includes('Ada Lovelace'), 'the answer')
      expect(idle.received()).toContain('Keep-Alive: timeout=1\r\n')
      const closedAfter = await idle.closed
      expect(closedAfter).toBeGreaterThan(900)
      expect(closedAfter).toBeLessThan(6000)

      const plain = await openConnection(byDefault.port, 'GET /users/1 HTTP/1.1\r\nHost: localhost\r\n\r\n')
      await until(() => plain.received().includes('Ada Lovelace'), 'the answer')
      expect(plain.received()).toContain('Keep-Alive: timeout=30\r\n') // Node's default is 5 s
      plain.socket.destroy()
    } finally {
      await server.stop()
      await byDefault.stop()
    }
  })

  it('closes a connection past --max-connections at once, with one warning, and serves the others', async () => {
    const server = await startServe([COLLECTION, '-e', ENVIRONMENT, '--max-connections', '2'])
    try {
      const first = await openConnection(server.port)
      const second = await openConnection(server.port)
      await new Promise((resolve) => setTimeout(resolve, 100))
      const third = await openConnection(server.port, 'GET /users/1 HTTP/1.1\r\nHost: localhost\r\n\r\n')
      const closedAfter = await third.closed
      expect(third.received()).toBe('')
      expect(closedAfter).toBeLessThan(2000)
      await until(
        () => /Failed to accept a connection: --max-connections 2 are open already/.test(server.stderr()),
        'the warning',
      )
      first.socket.write('GET /users/1 HTTP/1.1\r\nHost: localhost\r\n\r\n')
      await until(() => first.received().includes('Ada Lovelace'), 'an answer on an accepted connection')
      first.socket.destroy()
      second.socket.destroy()
    } finally {
      await server.stop()
    }
  })

  it('refuses limits that are not numbers, and headers longer than the whole request', async () => {
    const size = await runCli(['serve', COLLECTION, '--max-body', 'lots'])
    expect(size.code).toBe(2)
    expect(size.stderr).toContain('--max-body lots is not a size (bytes, or e.g. 512kb, 10mb, 1gb)')
    const drain = await runCli(['serve', COLLECTION, '--drain', '-1'])
    expect(drain.code).toBe(2)
    const order = await runCli([
      'serve',
      COLLECTION,
      '--headers-timeout',
      '9000',
      '--request-timeout',
      '5000',
    ])
    expect(order.code).toBe(2)
    expect(order.stderr).toContain('--headers-timeout 9000 is longer than --request-timeout 5000')
    const help = await runCli(['serve', '--help'])
    for (const flag of [
      '--max-body',
      '--drain',
      '--headers-timeout',
      '--request-timeout',
      '--keep-alive-timeout',
      '--max-connections',
    ]) {
      expect(help.stdout).toContain(flag)
    }
  })
})

describe('postmock serve: headers HTTP cannot carry', () => {
  it('leaves out a header with a control character from the query, says so once, and never sends 500 OK', async () => {
    const collection = await writeCollection('Echoes', [
      {
        name: 'Echo',
        path: 'echo',
        examples: [
          {
            name: 'Echo OK',
            code: 200,
            headers: [
              { key: 'Content-Type', value: 'application/json' },
              { key: 'X-Echo', value: "{{$queryParams 'q'}}" },
            ],
            body: '{"echo":"{{$queryParams \'q\'}}"}',
          },
        ],
      },
      {
        name: 'Bad helper',
        path: 'bad',
        examples: [
          {
            name: 'Bad OK',
            code: 200,
            headers: [{ key: 'X-H', value: "{{$headers 'bad name'}}" }],
            body: 'x',
          },
        ],
      },
    ])
    const server = await startServe([collection])
    try {
      for (const q of ['%01', '%7F', '%E2%82%AC']) {
        const control = await rawRequest(server.port, [`GET /echo?q=${q} HTTP/1.1`, 'Host: localhost'])
        expect(control.status).toBe(200)
        expect(control.statusText).toBe('OK')
        expect(control.headers['x-echo']).toBeUndefined()
        expect(control.headers['content-type']).toBe('application/json')
      }
      const fine = await rawRequest(server.port, ['GET /echo?q=fine HTTP/1.1', 'Host: localhost'])
      expect(fine.headers['x-echo']).toBe('fine')
      await until(
        () => server.stderr().includes('X-Echo') || server.stderr().includes('x-echo'),
        'the warning',
      )
      const warnings = server
        .stderr()
        .split('\n')
        .filter((line) => line.includes('Failed to send the header x-echo'))
      expect(warnings).toHaveLength(1) // once per example and header
      expect(warnings[0]).toContain('of "Echo OK" (item[0].response[0])')
      expect(warnings[0]).toContain('\\x01')

      // a {{$headers}} name HTTP does not allow renders as a missing header (core, since f18b64b)
      const bad = await rawRequest(server.port, ['GET /bad HTTP/1.1', 'Host: localhost'])
      expect(bad.status).toBe(200)
      expect(bad.statusText).toBe('OK')
      expect(bad.headers['x-h']).toBe('')
    } finally {
      await server.stop()
    }
  })
})
