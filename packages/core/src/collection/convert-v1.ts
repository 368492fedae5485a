import { isJsonObject } from './json-object.js'
import type { LoadWarnings } from './load-warnings.js'
import type { RawCollection, RawItem, RawKeyValue, RawRequest, RawResponse } from './raw-types.js'
import type { ExampleSource, SourceLocations } from './source-locations.js'
import { describeValue } from './value-text.js'

/** The v1 collection format (flat `requests` with `folders` and `order`); any field may be odd. */
interface V1Request {
  id?: unknown
  name?: unknown
  url?: unknown
  method?: unknown
  headers?: unknown
  headerData?: RawKeyValue[]
  dataMode?: unknown
  data?: RawKeyValue[] | null
  rawModeData?: unknown
  graphqlModeData?: { query?: string; variables?: string }
  pathVariables?: unknown
  pathVariableData?: RawKeyValue[]
  responses?: unknown
}

interface V1Response {
  id?: string
  name?: string
  status?: string
  responseCode?: { code?: unknown; name?: string } | null
  code?: unknown
  headers?: RawKeyValue[] | string
  text?: string | null
  language?: string
  request?: unknown
}

interface V1Folder {
  id?: unknown
  name?: unknown
  order?: unknown
  folders_order?: unknown
}

interface V1Collection {
  name?: unknown
  id?: unknown
  order?: unknown
  folders_order?: unknown
  folders?: unknown
  requests?: unknown
  variables?: RawKeyValue[]
}

/** A request and where it is in `requests`. */
interface RequestEntry {
  request: V1Request
  index: number
}

/** A folder, where it is in `folders`, and its lists once checked. */
interface FolderEntry {
  folder: V1Folder
  index: number
  order: unknown[]
  foldersOrder: unknown[]
}

/** Whether a parsed collection is in format v1. */
export function isV1Collection(value: object): boolean {
  return Array.isArray((value as V1Collection).requests) && !Array.isArray((value as RawCollection).item)
}

function v1Body(request: V1Request): RawRequest['body'] {
  switch (request.dataMode) {
    case 'raw':
      return { mode: 'raw', raw: (request.rawModeData ?? '') as string }
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: request.data ?? [] }
    case 'params':
      return Array.isArray(request.data) && request.data.length
        ? { mode: 'formdata', formdata: request.data }
        : null
    case 'binary':
      return { mode: 'file' }
    case 'graphql':
      return { mode: 'graphql', graphql: request.graphqlModeData ?? {} }
    default:
      return null
  }
}

function v1Request(request: V1Request): RawRequest {
  const variables: RawKeyValue[] =
    Array.isArray(request.pathVariableData) && request.pathVariableData.length
      ? request.pathVariableData
      : isJsonObject(request.pathVariables)
        ? Object.entries(request.pathVariables).map(([key, value]) => ({ key, value }))
        : []
  const { url } = request
  const headers = request.headerData
  return {
    method: (request.method ?? 'GET') as string,
    // A v1 URL is a string; anything else goes on as it is, for the reader to name.
    url:
      typeof url === 'string' || url === undefined || url === null
        ? { raw: url ?? '', variable: variables }
        : (url as string),
    header: Array.isArray(headers) && headers.length ? headers : ((request.headers ?? '') as string),
    body: v1Body(request),
  }
}

function v1Response(response: V1Response, owner: V1Request): RawResponse {
  const saved = isJsonObject(response.request) ? (response.request as V1Request) : owner
  return {
    id: response.id,
    name: response.name,
    code: response.responseCode?.code ?? response.code,
    status: response.responseCode?.name ?? response.status,
    header: response.headers ?? [],
    body: response.text ?? '',
    _postman_previewlanguage: response.language,
    originalRequest: v1Request({ ...owner, ...saved }),
  }
}

/** Where a converted example's parts come from in the v1 file. */
function exampleSource(response: V1Response, at: string, requestAt: string): ExampleSource {
  const saved = isJsonObject(response.request) ? response.request : undefined
  const field = (key: string) =>
    saved && Object.hasOwn(saved, key) ? `${at}.request.${key}` : `${requestAt}.${key}`
  return {
    at,
    fields: {
      code: response.responseCode?.code !== undefined ? `${at}.responseCode.code` : `${at}.code`,
      body: `${at}.text`,
      originalRequest: saved ? `${at}.request` : requestAt,
      'originalRequest.url': field('url'),
      'originalRequest.method': field('method'),
    },
  }
}

/**
 * Converts a v1 collection into the v2.1 shape: folders from `folders`/`order` (nested through
 * `folders_order`, each placed once, without recursion), requests that no folder lists at the root,
 * responses with their saved request. Lists of the wrong type are skipped with a warning; `locations`
 * learns where each item and example came from, so warnings and `examples` name the v1 file's paths.
 *
 * @example
 * const locations = new SourceLocations()
 * const v2 = convertV1({ requests: [{ id: 'r', url: 'https://x.test/a', responses: [{ name: 'ok' }] }] }, warnings, locations)
 * locations.example(v2.item![0]!.response![0]!, 'item[0].response[0]') // 'requests[0].responses[0]'
 */
export function convertV1(
  collection: object,
  warnings: LoadWarnings,
  locations: SourceLocations,
): RawCollection {
  const v1 = collection as V1Collection
  const list = (value: unknown, path: string, what: string): unknown[] => {
    if (value === undefined || value === null) return []
    if (Array.isArray(value)) return value
    warnings.skipPart(path, `expected an array of ${what}, got ${describeValue(value)}`)
    return []
  }

  const requestList = v1.requests as unknown[]
  const requests = new Map<unknown, RequestEntry>()
  requestList.forEach((request, index) => {
    if (!isJsonObject(request)) {
      warnings.skipPart(`requests[${index}]`, `expected a request object, got ${describeValue(request)}`)
      return
    }
    const { id } = request as V1Request
    if (id) requests.set(id, { request, index })
  })
  const folders = new Map<unknown, FolderEntry>()
  list(v1.folders, 'folders', 'folders').forEach((folder, index) => {
    if (!isJsonObject(folder)) {
      warnings.skipPart(`folders[${index}]`, `expected a folder object, got ${describeValue(folder)}`)
      return
    }
    const { id, order, folders_order } = folder as V1Folder
    if (!id) return
    folders.set(id, {
      folder,
      index,
      order: list(order, `folders[${index}].order`, 'request ids'),
      foldersOrder: list(folders_order, `folders[${index}].folders_order`, 'folder ids'),
    })
  })

  const placed = new Set<unknown>()
  const placedFolders = new Set<unknown>()
  const toItem = ({ request, index }: RequestEntry): RawItem => {
    const at = `requests[${index}]`
    const item: RawItem = {
      id: request.id as string,
      name: request.name as string,
      request: v1Request(request),
      response: [],
    }
    locations.setItem(item, at)
    list(request.responses, `${at}.responses`, 'examples').forEach((response, r) => {
      const exampleAt = `${at}.responses[${r}]`
      if (!isJsonObject(response)) {
        warnings.skipExample(exampleAt, `expected an example object, got ${describeValue(response)}`)
        return
      }
      const converted = v1Response(response, request)
      locations.setExample(converted, exampleSource(response, exampleAt, at))
      item.response!.push(converted)
    })
    return item
  }
  const place = (into: RawItem[], id: unknown) => {
    const entry = requests.get(id)
    if (entry && !placed.has(id)) {
      placed.add(id)
      into.push(toItem(entry))
    }
  }
  const folderItem = ({ folder, index }: FolderEntry): RawItem => {
    const item: RawItem = { id: folder.id as string, name: folder.name as string, item: [] }
    locations.setItem(item, `folders[${index}]`)
    return item
  }
  /** A folder with its sub-folders first, then its requests, depth first (as nesting reads). */
  const buildFolder = (root: FolderEntry): RawItem => {
    placedFolders.add(root.folder.id)
    const top = folderItem(root)
    const stack = [{ entry: root, items: top.item!, next: 0 }]
    while (stack.length) {
      const frame = stack[stack.length - 1]!
      if (frame.next < frame.entry.foldersOrder.length) {
        const id = frame.entry.foldersOrder[frame.next++]
        const child = folders.get(id)
        if (!child || placedFolders.has(id)) continue
        placedFolders.add(id)
        const item = folderItem(child)
        frame.items.push(item)
        stack.push({ entry: child, items: item.item!, next: 0 })
        continue
      }
      for (const id of frame.entry.order) place(frame.items, id)
      stack.pop()
    }
    return top
  }

  const rootOrder = list(v1.folders_order, 'folders_order', 'folder ids')
  const nested = new Set<unknown>()
  for (const folder of folders.values()) for (const id of folder.foldersOrder) nested.add(id)
  const rootFolders = rootOrder.length
    ? rootOrder.map((id) => folders.get(id)).filter((f): f is FolderEntry => !!f)
    : [...folders.values()].filter((folder) => !nested.has(folder.folder.id))
  const items: RawItem[] = []
  for (const folder of rootFolders) if (!placedFolders.has(folder.folder.id)) items.push(buildFolder(folder))
  for (const id of list(v1.order, 'order', 'request ids')) place(items, id)
  requestList.forEach((request, index) => {
    const { id } = (request ?? {}) as V1Request
    if (!isJsonObject(request) || !id || placed.has(id)) return
    placed.add(id)
    items.push(toItem({ request, index }))
  })
  locations.variables = 'variables'
  return {
    info: {
      name: v1.name as string,
      _postman_id: v1.id as string,
      schema: 'https://schema.getpostman.com/json/collection/v1.0.0',
    },
    item: items,
    variable: v1.variables ?? [],
  }
}
