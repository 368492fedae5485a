/** Host names that always stay on this machine: the app's own dev server lives there. */
const LOOPBACK_NAMES = new Set(['localhost', '[::1]', '::1'])

/** Whether a URL points at this machine (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`). */
export function isLoopback(url: URL): boolean {
  const host = url.hostname.toLowerCase()
  return LOOPBACK_NAMES.has(host) || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host)
}

/** Whether a URL goes over the network by HTTP (data:, blob: and friends never do). */
export function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:'
}

/** The origin of a URL given as text, or `undefined` when it does not parse. */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}
