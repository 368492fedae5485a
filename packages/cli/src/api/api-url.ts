import { cliError, usageError } from '../cli-error.js'
import { visible } from '../output/visible.js'

/** Where the API URL came from, for messages. */
export type ApiUrlSource = '--api-url' | 'POSTMAN_API_URL'

/** Whether a URL's host is this machine: `localhost`, 127.0.0.0/8 or ::1 (also IPv4-mapped). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
  if (host === 'localhost' || host === '::1') return true
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true
  return /^::ffff:(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|7f[0-9a-f]{2}:[0-9a-f]{1,4})$/.test(host)
}

/**
 * Checks an API base URL (`http:` or `https:`) and returns it without trailing slashes.
 *
 * @example
 * readApiUrl('https://api.getpostman.com/', '--api-url') // 'https://api.getpostman.com'
 */
export function readApiUrl(value: string, source: ApiUrlSource, command = 'pull'): string {
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (url && (url.protocol === 'https:' || url.protocol === 'http:')) return url.href.replace(/\/+$/, '')
  const reason = `${source} is not an http:// or https:// URL: "${visible(value)}"`
  if (source === '--api-url') throw usageError(command, reason)
  throw cliError(
    `${command} ${command === 'push' ? 'to' : 'from'} the Postman API`,
    reason,
    'Fix POSTMAN_API_URL or unset it',
  )
}

/**
 * The warning for a plain `http:` API URL to another machine (the key would cross the network
 * unencrypted), or `undefined`.
 */
export function plainHttpWarning(apiUrl: string, source: ApiUrlSource): string | undefined {
  const url = new URL(apiUrl)
  if (url.protocol !== 'http:' || isLoopbackHost(url.hostname)) return undefined
  return `[postmock] Warning: ${source} ${visible(url.origin)} is plain HTTP to another machine, so your API key and the collections cross the network unencrypted. Use https:// unless you trust every network in between.`
}
