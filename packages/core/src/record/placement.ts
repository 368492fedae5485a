/** Where a recorded example lands: the request item whose saved URL matches, else a new item in a folder. */
import type { RawItem } from '../collection/raw-types.js'
import { pathSegments, type SavedUrlForm, savedUrlForm, segmentScore } from './saved-url.js'

/** A request item of the collection, with its JSON path and saved URL read. */
export interface ItemRef {
  item: RawItem
  /** JSON path, e.g. `item[2].item[0]`. */
  location: string
  method: string
  form: SavedUrlForm
}

function methodOf(item: RawItem): string {
  const request = item.request
  if (request && typeof request === 'object' && typeof request.method === 'string')
    return request.method.toUpperCase()
  return 'GET'
}

function urlOf(item: RawItem): SavedUrlForm {
  const request = item.request
  if (typeof request === 'string') return savedUrlForm(request)
  return savedUrlForm(request?.url)
}

/**
 * Every request item, depth first in collection order.
 *
 * @example
 * requestItems(collection.item ?? []).map((ref) => ref.location) // ['item[0]', 'item[1].item[0]']
 */
export function requestItems(items: readonly RawItem[], prefix = ''): ItemRef[] {
  const found: ItemRef[] = []
  const walk = (list: readonly RawItem[], path: string) => {
    list.forEach((item, i) => {
      if (!item || typeof item !== 'object') return
      const location = `${path}item[${i}]`
      if (Array.isArray(item.item)) walk(item.item, `${location}.`)
      else if (item.request !== undefined)
        found.push({ item, location, method: methodOf(item), form: urlOf(item) })
    })
  }
  walk(items, prefix)
  return found
}

/**
 * The item a request belongs to: same method, saved path matching (`:var`/`{{var}}` segments match any
 * value), below the target for an item whose URL starts with a `{{variable}}`, else the full path. The
 * item with the most literal segments wins; the first in collection order on a tie.
 *
 * @example
 * placeRequest(requestItems(collection.item), 'GET', '/users/42', '/users/42')?.location // 'item[0]'
 */
export function placeRequest(
  items: readonly ItemRef[],
  method: string,
  relativePath: string,
  fullPath: string,
): ItemRef | undefined {
  const relative = pathSegments(relativePath)
  const full = pathSegments(fullPath)
  let best: ItemRef | undefined
  let bestScore = -1
  for (const ref of items) {
    if (ref.method !== method) continue
    const [first, second] = ref.form.hostVariable ? [relative, full] : [full, relative]
    const score = segmentScore(ref.form.segments, first) ?? segmentScore(ref.form.segments, second)
    if (score !== undefined && score > bestScore) {
      best = ref
      bestScore = score
    }
  }
  return best
}

/**
 * The `{{variable}}` most request URLs start with (`{{baseUrl}}`), for items recording creates.
 *
 * @example
 * commonHostVariable(requestItems(collection.item)) // '{{baseUrl}}'
 */
export function commonHostVariable(items: readonly ItemRef[]): string | undefined {
  const counts = new Map<string, number>()
  for (const { form } of items)
    if (form.hostVariable) counts.set(form.hostVariable, (counts.get(form.hostVariable) ?? 0) + 1)
  let best: string | undefined
  for (const [name, count] of counts) if (!best || count > counts.get(best)!) best = name
  return best
}
