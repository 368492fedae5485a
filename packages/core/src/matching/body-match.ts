import { type ExampleBody, tryParseJson } from '../collection/body.js'
import { parseQueryString } from '../collection/url.js'
import type { IncomingRequest } from './incoming.js'

/** Deep equality for JSON values (key order and whitespace do not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const other = b as unknown[]
    return a.length === other.length && a.every((item, i) => jsonEqual(item, other[i]))
  }
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  const keys = Object.keys(left)
  if (keys.length !== Object.keys(right).length) return false
  return keys.every((key) => Object.hasOwn(right, key) && jsonEqual(left[key], right[key]))
}

function sameMultiset(a: Array<[string, string]>, b: Array<[string, string]>): boolean {
  if (a.length !== b.length) return false
  const key = (pair: [string, string]) => `${pair[0]}\u0000${pair[1]}`
  const left = a.map(key).sort()
  const right = b.map(key).sort()
  return left.every((value, i) => value === right[i])
}

/** Saved JSON bodies, parsed on first comparison rather than at load. */
const savedJsonCache = new WeakMap<object, { value: unknown }>()

function parsedSaved(saved: { text: string }): unknown {
  let entry = savedJsonCache.get(saved)
  if (!entry) {
    entry = { value: tryParseJson(saved.text) }
    savedJsonCache.set(saved, entry)
  }
  return entry.value
}

function isJsonType(contentType: string | undefined): boolean {
  return !!contentType && (contentType === 'application/json' || contentType.endsWith('+json'))
}

/**
 * Whether the incoming body equals the example's saved body (spec §3.7): JSON deep-equal when both the
 * request and the saved request are JSON (Postman compares JSON only when the example's request carries
 * `Content-Type: application/json`, issue #6356), key/value multisets for urlencoded forms, GraphQL as
 * `{query, variables}`, raw text otherwise. `savedType` is the saved request's media type.
 *
 * @example
 * // incoming: `{ "a": 1 }` sent with Content-Type: application/json
 * bodyMatches(incoming, { kind: 'text', text: '{"a":1}' }, 'application/json') // true: equal as JSON
 * bodyMatches(incoming, { kind: 'text', text: '{"a":1}' }, undefined) // false: the texts differ
 */
export function bodyMatches(
  incoming: IncomingRequest,
  saved: ExampleBody,
  savedType: string | undefined,
): boolean {
  switch (saved.kind) {
    case 'never':
      return false
    case 'none':
      return incoming.body.trim() === ''
    case 'graphql': {
      const json = incoming.json() as
        | { query?: unknown; variables?: unknown; operationName?: unknown }
        | undefined
      if (!json || typeof json !== 'object') return false
      if (json.query !== saved.query) return false
      if (!jsonEqual(json.variables ?? {}, saved.variables ?? {})) return false
      return (
        saved.operationName === undefined ||
        json.operationName === undefined ||
        json.operationName === saved.operationName
      )
    }
    case 'form': {
      if (incoming.contentType !== 'application/x-www-form-urlencoded') return false
      return sameMultiset(parseQueryString(incoming.body), saved.pairs)
    }
    case 'text': {
      const savedJson =
        isJsonType(incoming.contentType) && isJsonType(savedType) ? parsedSaved(saved) : undefined
      if (savedJson !== undefined) {
        const json = incoming.json()
        return json !== undefined && jsonEqual(json, savedJson)
      }
      if (incoming.contentType === 'application/x-www-form-urlencoded' && saved.text.includes('=')) {
        return sameMultiset(parseQueryString(incoming.body), parseQueryString(saved.text))
      }
      return incoming.body === saved.text
    }
  }
}

/** Whether a body exists on both sides, so the implicit +5 bonus may apply. */
export function bothHaveBodies(incoming: IncomingRequest, saved: ExampleBody): boolean {
  return incoming.body.trim() !== '' && saved.kind !== 'none' && saved.kind !== 'never'
}
