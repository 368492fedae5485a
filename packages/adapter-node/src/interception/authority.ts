import type { ConnectionTarget } from './glossary.js'

/** A host without the brackets a URL puts around an IPv6 address (`[::1]` → `::1`). */
export function bareHost(host: string): string {
  return host.replace(/^\[|\]$/g, '')
}

/**
 * `host:port` of a connection as a URL writes it, an IPv6 host in brackets.
 *
 * @example
 * authorityOf({ host: '::1', port: 5432, tls: false }) // '[::1]:5432'
 */
export function authorityOf(target: ConnectionTarget): string {
  const host = bareHost(target.host)
  return `${host.includes(':') ? `[${host}]` : host}:${target.port}`
}
