const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' }

/**
 * Whether the `passthrough` option lets a request URL reach the network: an origin or URL prefix
 * (`'http://127.0.0.1:4000'`), a `host:port` pair, or a RegExp tested against the URL.
 *
 * @example
 * isPassthrough('http://127.0.0.1:4000/health', ['http://127.0.0.1:4000']) // true
 */
export function isPassthrough(url: string, passthrough: ReadonlyArray<string | RegExp> | undefined): boolean {
  if (!passthrough?.length) return false
  const { hostname, port, protocol } = new URL(url)
  const target = `${hostname.replace(/^\[|\]$/g, '')}:${port || DEFAULT_PORTS[protocol] || ''}`
  return passthrough.some((entry) => {
    if (typeof entry !== 'string') return entry.test(url)
    if (entry.includes('://')) return url.startsWith(entry)
    return target === entry.replace(/^\[|\](?=:)/g, '')
  })
}
