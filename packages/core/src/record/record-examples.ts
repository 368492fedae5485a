/** Recorded exchanges into a collection: placed, named, redacted, with content-derived ids. */
import { isV1Collection } from '../collection/convert-v1.js'
import type { RawItem } from '../collection/raw-types.js'
import { postmockError } from '../messages.js'
import { commonHostVariable, type ItemRef, placeRequest, requestItems } from './placement.js'
import { createRedactor, type Redactor } from './redact.js'
import { exampleAt, refreshExample } from './refresh.js'
import {
  exampleId,
  newExample,
  originalRequestOf,
  type SavedAnswer,
  savedAnswer,
  sentRequest,
} from './saved-example.js'
import type { RecordChange, RecordedExchange, RecordOptions, RecordResult } from './types.js'

type Json = Record<string, unknown>

/** The collection object holding `item` (a Postman API `{ collection }` wrapper is looked through). */
function itemsHolder(root: Json): Json {
  if (!Array.isArray(root.item) && root.collection && typeof root.collection === 'object')
    return root.collection as Json
  return root
}

function readRoot(collection: unknown): Json {
  const fail = (reason: string) =>
    postmockError(
      'INVALID_COLLECTION',
      'record into the collection',
      reason,
      'Record into a Postman collection v2.1 export (Export → Collection v2.1)',
      '$',
    )
  if (!collection || typeof collection !== 'object' || Array.isArray(collection))
    throw fail('$: expected a collection object')
  const root = structuredClone(collection) as Json
  const holder = itemsHolder(root)
  if (isV1Collection(holder)) throw fail('it is a v1 collection (requests[]), which recording does not write')
  if (holder.item === undefined) holder.item = []
  if (!Array.isArray(holder.item)) throw fail('$.item: expected an array of items')
  return root
}

/** A name unique among the item's examples: `200 OK`, then `200 OK (2)`, `200 OK (3)`… */
function uniqueName(item: RawItem, base: string): string {
  const taken = new Set((item.response ?? []).map((example) => example?.name))
  if (!taken.has(base)) return base
  let n = 2
  while (taken.has(`${base} (${n})`)) n++
  return `${base} (${n})`
}

/** The item recording creates for a request no item matches, in the folder (created at the end if needed). */
function newItem(holder: Json, folderName: string, name: string, url: unknown, method: string): ItemRef {
  const items = holder.item as RawItem[]
  let index = items.findIndex((item) => item?.name === folderName && Array.isArray(item.item))
  if (index < 0) index = items.push({ name: folderName, item: [] }) - 1
  const folder = items[index]!.item!
  const item: RawItem = {
    name,
    request: { method, header: [], url: structuredClone(url) as string },
    response: [],
  }
  const at = folder.push(item) - 1
  return {
    item,
    location: `item[${index}].item[${at}]`,
    method,
    form: { hostVariable: undefined, segments: [] },
  }
}

/** Finds the example `replaces` names: at its location when the name and id agree, else by id anywhere. */
function replaced(items: RawItem[], replaces: NonNullable<RecordedExchange['replaces']>) {
  const at = exampleAt(items, replaces.location)
  const agrees =
    at &&
    (replaces.id === undefined || at.example.id === replaces.id) &&
    (replaces.name === undefined || at.example.name === replaces.name)
  if (agrees) return { ...at, location: replaces.location }
  if (replaces.id === undefined) return undefined
  for (const ref of requestItems(items)) {
    const index = (ref.item.response ?? []).findIndex((example) => example?.id === replaces.id)
    if (index >= 0)
      return {
        item: ref.item,
        example: ref.item.response![index] as Json,
        location: `${ref.location}.response[${index}]`,
      }
  }
  return undefined
}

function refreshed(
  items: RawItem[],
  exchange: RecordedExchange,
  answer: SavedAnswer,
): RecordChange | undefined {
  const found = exchange.replaces && replaced(items, exchange.replaces)
  if (!found) return undefined
  const kind = refreshExample(found.example, answer) ? 'replaced' : 'unchanged'
  return {
    kind,
    newItem: false,
    request: String(found.item.name ?? ''),
    name: String(found.example.name ?? ''),
    id: String(found.example.id ?? ''),
    location: found.location,
  }
}

function recordOne(
  holder: Json,
  exchange: RecordedExchange,
  target: URL | undefined,
  redactor: Redactor,
  folder: string,
): RecordChange {
  const items = holder.item as RawItem[]
  const answer = savedAnswer(exchange, redactor)
  const refresh = refreshed(items, exchange, answer)
  if (refresh) return refresh
  const sent = sentRequest(exchange, target, redactor)
  const refs = requestItems(items)
  const placed = placeRequest(refs, sent.method, sent.relativePath, sent.url.pathname)
  // A new item takes the collection's usual {{variable}}, else {{baseUrl}}: a literal target URL would
  // not match the mock's path when the target has a base path (recordTarget 'https://api…/v1').
  const hostVariable = placed ? placed.form.hostVariable : (commonHostVariable(refs) ?? '{{baseUrl}}')
  const originalRequest = originalRequestOf(sent, hostVariable)
  const ref =
    placed ?? newItem(holder, folder, `${sent.method} ${sent.relativePath}`, originalRequest.url, sent.method)
  const id = exampleId(originalRequest, answer)
  ref.item.response ??= []
  const responses = ref.item.response
  const existing = responses.findIndex((example) => example?.id === id)
  const request = String(ref.item.name ?? '')
  if (existing >= 0) {
    const name = String(responses[existing]!.name ?? '')
    return {
      kind: 'unchanged',
      newItem: false,
      request,
      name,
      id,
      location: `${ref.location}.response[${existing}]`,
    }
  }
  const name = uniqueName(ref.item, `${answer.code} ${answer.status}`.trim())
  const at = responses.push(newExample(name, originalRequest, answer) as never) - 1
  return { kind: 'added', newItem: !placed, request, name, id, location: `${ref.location}.response[${at}]` }
}

/**
 * Puts recorded exchanges into a copy of a v2.1 collection, in order. Each answer lands under the
 * request item whose saved URL matches (method and path; `:var` and `{{var}}` segments match any
 * value), else in a new item of the folder `Recorded`. Its `originalRequest` is the request sent, the
 * target replaced by the item's `{{baseUrl}}` form; its name is `"<code> <reason>"`, unique in the
 * item; its id is derived from its content, so recording the same answer again changes nothing. An
 * exchange with `replaces` refreshes that example instead (`record: 'all'`). Secrets are redacted
 * (see {@link RedactOptions}). Pure: no I/O, runs in browsers.
 *
 * @example
 * const { collection: updated, changed } = recordExamples(collection, [exchange], {
 *   target: 'https://staging.api.example.com',
 *   redact: { jsonPaths: ['$.token'] },
 * })
 * if (changed) await writeFile('testAPI.json', formatJson(updated, jsonLayoutOf(originalText)))
 */
export function recordExamples(
  collection: unknown,
  exchanges: readonly RecordedExchange[],
  options: RecordOptions = {},
): RecordResult {
  const root = readRoot(collection)
  const holder = itemsHolder(root)
  const redactor = createRedactor(options.redact, (path) => {
    throw postmockError(
      'INVALID_OPTION',
      'read the redact option',
      `redact.jsonPaths: cannot read ${JSON.stringify(path)}`,
      "Write JSON paths as $.key, $.list[0].key, $.list[*].key, $['odd key'] or $..key",
      'redact.jsonPaths',
    )
  })
  const target = options.target ? new URL(options.target) : undefined
  const folder = options.folder ?? 'Recorded'
  const changes = exchanges.map((exchange) => recordOne(holder, exchange, target, redactor, folder))
  return { collection: root, changes, changed: changes.some((change) => change.kind !== 'unchanged') }
}
