/** A saved example (a `response` of an item) in a collection file or the Postman API's copy. */
export interface ExampleNode {
  /** Its id (the uuid; an owner-prefixed uid is cut to it), if it has one. */
  id: string | undefined
  name: string
  /** The example as saved. */
  raw: Record<string, unknown>
}

/** A request item: where it is, what it sends, and its examples. */
export interface RequestNode {
  id: string | undefined
  name: string
  /** Folder names from the root down. */
  folders: string[]
  /** The id of the folder it is in, if any (and if the folder has one). */
  folderId: string | undefined
  /** Upper-cased; `GET` when the item names none. */
  method: string
  /** The saved URL's path without host or query, e.g. `/users/:id`. */
  path: string
  examples: ExampleNode[]
  /** The item as saved. */
  raw: Record<string, unknown>
}

/** A folder item, with its id, so a created request can be put in it. */
export interface FolderNode {
  id: string | undefined
  /** Folder names from the root down to this one. */
  path: string[]
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** `12345678-<uuid>` → `<uuid>`; other ids as they are. */
export function bareId(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined
  const match = /^\d+-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(value)
  return match ? match[1]! : value
}

/** The raw text of a saved URL (a string, or `{ raw }`, or rebuilt from `host` and `path`). */
export function rawUrl(url: unknown): string {
  if (typeof url === 'string') return url
  if (!isObject(url)) return ''
  if (typeof url.raw === 'string') return url.raw
  const host = Array.isArray(url.host) ? url.host.join('.') : typeof url.host === 'string' ? url.host : ''
  const path = Array.isArray(url.path) ? url.path.join('/') : typeof url.path === 'string' ? url.path : ''
  return `${host}/${path}`
}

/**
 * The path of a saved URL for matching requests by name + method + path: no scheme, host
 * (`{{baseUrl}}` included), query or fragment, and no trailing slash.
 *
 * @example
 * pathOf('{{baseUrl}}/users/:id?expand=1') // '/users/:id'
 */
export function pathOf(url: unknown): string {
  let text = rawUrl(url).trim().split('#')[0]!.split('?')[0]!
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(text)
  if (scheme) text = text.slice(scheme[0].length)
  if (!text.startsWith('/')) {
    const slash = text.indexOf('/')
    text = slash >= 0 ? text.slice(slash) : '/'
  }
  return text.replace(/\/+$/, '') || '/'
}

function idOf(node: Json): string | undefined {
  return bareId(node.id) ?? bareId(node.uid) ?? bareId(node._postman_id)
}

/** Every request item and folder of a collection (v2.0/v2.1 JSON, or the API's `{ collection }` wrapper). */
export function collectionTree(collection: unknown): { requests: RequestNode[]; folders: FolderNode[] } {
  const root = isObject(collection) && isObject(collection.collection) ? collection.collection : collection
  const requests: RequestNode[] = []
  const folders: FolderNode[] = []
  const walk = (items: unknown, path: string[], folderId: string | undefined) => {
    if (!Array.isArray(items)) return
    for (const node of items) {
      if (!isObject(node)) continue
      const name = typeof node.name === 'string' ? node.name : ''
      if (Array.isArray(node.item)) {
        const id = idOf(node)
        folders.push({ id, path: [...path, name] })
        walk(node.item, [...path, name], id)
        continue
      }
      const request = isObject(node.request) ? node.request : { url: node.request }
      const responses = Array.isArray(node.response) ? node.response.filter(isObject) : []
      requests.push({
        id: idOf(node),
        name,
        folders: path,
        folderId,
        method: (typeof request.method === 'string' ? request.method : 'GET').toUpperCase(),
        path: pathOf(request.url),
        examples: responses.map((raw) => ({
          id: idOf(raw),
          name: typeof raw.name === 'string' ? raw.name : '',
          raw,
        })),
        raw: node,
      })
    }
  }
  walk(isObject(root) ? root.item : undefined, [], undefined)
  return { requests, folders }
}
