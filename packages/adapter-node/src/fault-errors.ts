import type { Fault } from '@postmock/core'

/** The connection error each fault stands for, as Node names it (what retry helpers look at). */
const CODES: Record<Fault, { code: string; syscall: string }> = {
  'network-error': { code: 'ECONNREFUSED', syscall: 'connect' },
  timeout: { code: 'ETIMEDOUT', syscall: 'connect' },
  reset: { code: 'ECONNRESET', syscall: 'read' },
  malformed: { code: 'ECONNRESET', syscall: 'read' },
}

/**
 * The error a client sees for a request that failed as the test asked (`use({ fault })`, or msw's
 * `HttpResponse.error()`, which is a network error): Node's own shape (`connect ECONNREFUSED host:port`,
 * with `code` and `syscall`), so that fetch's `cause`, axios' `code` and got's `code` read as a real
 * network failure. It is not a refusal: no report, the test does not fail for it.
 *
 * @example
 * faultError('network-error', new Request('https://api.example.com/users/1'))
 * // Error: connect ECONNREFUSED api.example.com:443 (postmock fault "network-error") { code: 'ECONNREFUSED' }
 */
export function faultError(fault: Fault | undefined, request: Request): Error {
  const { code, syscall } = CODES[fault ?? 'network-error']
  const url = new URL(request.url)
  const port = url.port || (url.protocol === 'https:' ? '443' : '80')
  const why = fault ? `postmock fault "${fault}"` : 'a network error from an msw handler'
  const error = new Error(`${syscall} ${code} ${url.hostname}:${port} (${why})`)
  return Object.assign(error, { code, syscall, ...(fault ? { fault } : {}) })
}
