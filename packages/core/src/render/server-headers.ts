/**
 * Headers Postman's mock servers add to every answer beyond CORS (spec §4.2; off unless
 * `serverHeaders: true`): a weak ETag of the body, `Vary`, trace ids, and the rate-limit counters when
 * a per-minute limit is set.
 */

/** A weak ETag in Express's shape, `W/"<length hex>-<hash>"` (FNV-1a of the body, not cryptographic). */
export function weakEtag(body: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < body.length; i++) {
    hash ^= body.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return `W/"${body.length.toString(16)}-${hash.toString(16).padStart(8, '0')}"`
}

function hex16(random: () => number): string {
  let out = ''
  for (let i = 0; i < 16; i++) out += Math.floor(random() * 16).toString(16)
  return out
}

/** The rate-limit window the headers report. */
export interface RateWindow {
  limit: number
  remaining: number
  /** Epoch seconds when the window resets. */
  reset: number
}

/** Adds the server's headers to an answer (headers the example set itself are kept). */
export function addServerHeaders<A extends { headers: Headers }>(
  answer: A,
  body: string,
  random: () => number,
  rate: RateWindow | undefined,
): A {
  const { headers } = answer
  const add = (name: string, value: string) => {
    if (!headers.has(name)) headers.set(name, value)
  }
  if (body !== '') add('etag', weakEtag(body))
  add('vary', 'Accept-Encoding')
  add('x-srv-trace', `v=1;t=${hex16(random)}`)
  add('x-srv-span', `v=1;s=${hex16(random)}`)
  if (rate) {
    add('x-ratelimit-limit', String(rate.limit))
    add('x-ratelimit-remaining', String(rate.remaining))
    add('x-ratelimit-reset', String(rate.reset))
  }
  return answer
}
