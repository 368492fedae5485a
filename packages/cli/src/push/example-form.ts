import { rawUrl } from './collection-tree.js'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** Enabled `{ key, value }` pairs of a header or query list, as `[key, value]`. */
export function pairs(list: unknown): Array<[string, string]> {
  if (!Array.isArray(list)) return []
  return list
    .filter(
      (entry): entry is Json => isObject(entry) && typeof entry.key === 'string' && entry.disabled !== true,
    )
    .map((entry) => [
      entry.key as string,
      entry.value === undefined || entry.value === null ? '' : String(entry.value),
    ])
}

/** A saved request body as compared: its mode and that mode's content. */
function bodyForm(body: unknown): unknown {
  if (!isObject(body) || body.disabled === true || typeof body.mode !== 'string') return null
  const mode = body.mode
  if (mode === 'raw') return typeof body.raw === 'string' && body.raw !== '' ? { mode, raw: body.raw } : null
  if (mode === 'urlencoded' || mode === 'formdata') return { mode, pairs: pairs(body[mode]) }
  return { mode, value: body[mode] ?? null }
}

/** The parts of an example that `push` compares, in one canonical form each. */
export interface ExampleForm {
  code: string
  headers: string
  body: string
  originalRequest: string
}

/**
 * An example's code, headers, body and saved request, each in a canonical form, so that the API's
 * copy and the file's compare equal when only formatting differs (key order, missing empty lists,
 * disabled entries, a URL given as a string or as `{ raw }`).
 *
 * @example
 * exampleForm({ code: 200, header: [], body: '{}' }).code // '200'
 */
export function exampleForm(example: Json): ExampleForm {
  const request = isObject(example.originalRequest) ? example.originalRequest : {}
  return {
    code: String(example.code ?? ''),
    headers: JSON.stringify(pairs(example.header)),
    body: typeof example.body === 'string' ? example.body : '',
    originalRequest: JSON.stringify({
      method: typeof request.method === 'string' ? request.method.toUpperCase() : 'GET',
      url: rawUrl(request.url),
      headers: pairs(request.header),
      body: bodyForm(request.body),
    }),
  }
}

/** What differs between the file's example and the API's: `code 200 → 201`, `body`, `headers`, `originalRequest`. */
export function exampleChanges(local: Json, remote: Json): string[] {
  const mine = exampleForm(local)
  const theirs = exampleForm(remote)
  const changes: string[] = []
  if (mine.code !== theirs.code) changes.push(`code ${theirs.code} → ${mine.code}`)
  if (mine.headers !== theirs.headers) changes.push('headers')
  if (mine.body !== theirs.body) changes.push('body')
  if (mine.originalRequest !== theirs.originalRequest) changes.push('originalRequest')
  return changes
}
