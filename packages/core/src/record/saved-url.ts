/** How a saved request's URL reads for recording: its `{{variable}}` host form and its path segments. */
import type { RawUrl } from '../collection/raw-types.js'
import { safeDecode, splitRawUrl } from '../collection/url.js'

/** A saved URL, as placement and `originalRequest` need it. */
export interface SavedUrlForm {
  /** The `{{variable}}` the URL starts with (`{{baseUrl}}`), when it starts with one. */
  hostVariable: string | undefined
  /** The path segments, as saved (`:id` and `{{id}}` kept). */
  segments: string[]
}

const HOST_VARIABLE = /^\{\{[^{}]+\}\}(?=[/?#]|$)/

/** The path segments of a path (`/a/b/` → `['a', 'b']`). */
export function pathSegments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '')
}

function pathText(path: RawUrl['path']): string | undefined {
  if (typeof path === 'string') return path
  if (!Array.isArray(path)) return undefined
  return path.map((part) => (typeof part === 'string' ? part : String(part?.value ?? ''))).join('/')
}

/**
 * Reads a saved request URL (a raw string or Postman's URL object).
 *
 * @example
 * savedUrlForm('{{baseUrl}}/users/:id?expand=1') // { hostVariable: '{{baseUrl}}', segments: ['users', ':id'] }
 */
export function savedUrlForm(url: string | RawUrl | undefined | null): SavedUrlForm {
  if (typeof url === 'string') {
    const raw = url.trim()
    return { hostVariable: HOST_VARIABLE.exec(raw)?.[0], segments: pathSegments(splitRawUrl(raw).path) }
  }
  if (!url || typeof url !== 'object') return { hostVariable: undefined, segments: [] }
  const host = Array.isArray(url.host) ? url.host.join('.') : url.host
  const fromRaw = typeof url.raw === 'string' ? savedUrlForm(url.raw) : undefined
  const path = pathText(url.path)
  return {
    hostVariable:
      (typeof host === 'string' ? HOST_VARIABLE.exec(host.trim())?.[0] : undefined) ?? fromRaw?.hostVariable,
    segments: path !== undefined ? pathSegments(path) : (fromRaw?.segments ?? []),
  }
}

/** Whether a saved segment stands for any value (`:id`, `{{id}}`). */
export function isWildcardSegment(segment: string): boolean {
  return segment.startsWith(':') || /^\{\{[^{}]+\}\}$/.test(segment)
}

/**
 * How well saved segments match a request's: `undefined` when they do not, else the number of
 * literal segments that matched (more literal matches place an example more precisely).
 *
 * @example
 * segmentScore(['users', ':id'], ['users', '42']) // 1
 */
export function segmentScore(saved: readonly string[], sent: readonly string[]): number | undefined {
  if (saved.length !== sent.length) return undefined
  let score = 0
  for (let i = 0; i < saved.length; i++) {
    const segment = saved[i]!
    if (isWildcardSegment(segment)) continue
    if (safeDecode(segment) !== safeDecode(sent[i]!)) return undefined
    score++
  }
  return score
}
