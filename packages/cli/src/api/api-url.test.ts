import { describe, expect, it } from 'vitest'
import { isLoopbackHost, plainHttpWarning, readApiUrl } from './api-url.js'

describe('isLoopbackHost', () => {
  it('knows localhost, 127.0.0.0/8 and ::1 (also IPv4-mapped)', () => {
    for (const host of ['localhost', 'LOCALHOST.', '127.0.0.1', '127.3.2.1', '[::1]', '[::ffff:7f00:1]']) {
      expect(isLoopbackHost(host), host).toBe(true)
    }
    for (const host of ['api.getpostman.com', '10.0.0.1', '128.0.0.1', '[::2]', 'localhost.example.com']) {
      expect(isLoopbackHost(host), host).toBe(false)
    }
  })
})

describe('plainHttpWarning', () => {
  it('warns about http to another machine only', () => {
    expect(plainHttpWarning('http://10.0.0.1:8080', '--api-url')).toContain(
      'http://10.0.0.1:8080 is plain HTTP',
    )
    expect(plainHttpWarning('https://10.0.0.1', '--api-url')).toBeUndefined()
    expect(plainHttpWarning(readApiUrl('http://127.1:3000', '--api-url'), '--api-url')).toBeUndefined()
  })
})
