/** `record: 'all'`: an example refreshed in place with the real answer, its name, id and request kept. */
import type { RawItem, RawKeyValue } from '../collection/raw-types.js'
import { type SavedAnswer, VOLATILE_RESPONSE_HEADERS } from './saved-example.js'

type Json = Record<string, unknown>

/** The example at a JSON path such as `item[1].item[0].response[2]`, with its item. */
export function exampleAt(
  items: readonly RawItem[],
  location: string,
): { item: RawItem; example: Json } | undefined {
  const steps = location.split('.')
  let list: unknown = items
  let item: RawItem | undefined
  for (const [i, step] of steps.entries()) {
    const match = /^(item|response)\[(\d+)\]$/.exec(step)
    if (!match || !Array.isArray(list)) return undefined
    const value: unknown = list[Number(match[2])]
    if (!value || typeof value !== 'object') return undefined
    const last = i === steps.length - 1
    if (match[1] === 'response') return last && item ? { item, example: value as Json } : undefined
    if (last) return undefined
    item = value as RawItem
    list = steps[i + 1]!.startsWith('response') ? item.response : item.item
  }
  return undefined
}

/**
 * The header list of a refreshed example: its own entries in their order (names spelled as saved) with
 * the new values, volatile ones (`Date`…) kept as they were, those the API no longer sends dropped; then
 * the new headers.
 */
function refreshedHeaders(saved: unknown, fresh: readonly RawKeyValue[]): RawKeyValue[] {
  const incoming = new Map<string, RawKeyValue[]>()
  for (const entry of fresh) {
    const name = String(entry.key).toLowerCase()
    incoming.set(name, [...(incoming.get(name) ?? []), entry])
  }
  const result: RawKeyValue[] = []
  for (const entry of Array.isArray(saved) ? (saved as RawKeyValue[]) : []) {
    const name = String(entry?.key ?? '').toLowerCase()
    const next = incoming.get(name)?.shift()
    if (next) result.push(entry.value === next.value ? entry : { ...entry, value: next.value })
    else if (VOLATILE_RESPONSE_HEADERS.has(name) || entry?.disabled) result.push(entry)
  }
  for (const rest of incoming.values()) result.push(...rest)
  return result
}

/**
 * Writes the real answer into a saved example, changing only what differs (so the same answer leaves
 * it byte-identical). Returns whether anything changed.
 *
 * @example
 * refreshExample(collection.item[0].response[0], savedAnswer(exchange, redactor)) // true when the API changed
 */
export function refreshExample(example: Json, answer: SavedAnswer): boolean {
  let changed = false
  const set = (key: string, value: unknown, equal: boolean) => {
    if (equal) return
    example[key] = value
    changed = true
  }
  set('code', answer.code, example.code === answer.code)
  set('status', answer.status, example.status === answer.status)
  const header = refreshedHeaders(example.header, answer.header)
  set('header', header, JSON.stringify(header) === JSON.stringify(example.header ?? []))
  set('body', answer.body, (example.body ?? '') === answer.body)
  if ('_postman_previewlanguage' in example && changed)
    set(
      '_postman_previewlanguage',
      answer.previewLanguage,
      example._postman_previewlanguage === answer.previewLanguage,
    )
  return changed
}
