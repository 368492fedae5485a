import { isIP } from 'node:net'
import { bareHost } from './authority.js'

/** Whether a host names this machine: `localhost` (and `*.localhost`), 127.0.0.0/8, `::1`. */
export function isLoopbackHost(host: string): boolean {
  const name = bareHost(host.toLowerCase())
  if (name === 'localhost' || name.endsWith('.localhost')) return true
  const family = isIP(name)
  if (family === 4) return name.startsWith('127.')
  if (family === 6) return name === '::1' || name === '0:0:0:0:0:0:0:1' || name.startsWith('::ffff:127.')
  return false
}
