import type { RawCollection, RawItem, RawKeyValue, RawRequest, RawResponse } from './raw-types.js'

/** The v1 collection format (flat `requests` with `folders` and `order`). */
interface V1Request {
  id?: string
  name?: string
  url?: string
  method?: string
  headers?: string
  headerData?: RawKeyValue[]
  dataMode?: string
  data?: RawKeyValue[] | null
  rawModeData?: string | null
  graphqlModeData?: { query?: string; variables?: string }
  pathVariables?: Record<string, unknown> | null
  pathVariableData?: RawKeyValue[]
  queryParams?: RawKeyValue[]
  responses?: V1Response[]
}

interface V1Response {
  id?: string
  name?: string
  status?: string
  responseCode?: { code?: unknown; name?: string }
  code?: unknown
  headers?: RawKeyValue[] | string
  text?: string | null
  language?: string
  request?: V1Request | string | null
}

interface V1Folder {
  id?: string
  name?: string
  order?: string[]
  folders_order?: string[]
}

interface V1Collection {
  name?: string
  id?: string
  order?: string[]
  folders_order?: string[]
  folders?: V1Folder[]
  requests?: V1Request[]
  variables?: RawKeyValue[]
}

/** Whether a parsed collection is in format v1. */
export function isV1Collection(value: object): boolean {
  return Array.isArray((value as V1Collection).requests) && !Array.isArray((value as RawCollection).item)
}

function v1Body(request: V1Request): RawRequest['body'] {
  switch (request.dataMode) {
    case 'raw':
      return { mode: 'raw', raw: request.rawModeData ?? '' }
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: request.data ?? [] }
    case 'params':
      return request.data?.length ? { mode: 'formdata', formdata: request.data } : null
    case 'binary':
      return { mode: 'file' }
    case 'graphql':
      return { mode: 'graphql', graphql: request.graphqlModeData ?? {} }
    default:
      return null
  }
}

function v1Request(request: V1Request): RawRequest {
  const variables: RawKeyValue[] = request.pathVariableData?.length
    ? request.pathVariableData
    : Object.entries(request.pathVariables ?? {}).map(([key, value]) => ({ key, value }))
  return {
    method: request.method ?? 'GET',
    url: { raw: request.url ?? '', variable: variables },
    header: request.headerData?.length ? request.headerData : (request.headers ?? ''),
    body: v1Body(request),
  }
}

function v1Response(response: V1Response, owner: V1Request): RawResponse {
  const saved = typeof response.request === 'object' && response.request ? response.request : owner
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

/**
 * Converts a v1 collection into the v2.1 shape: folders from `folders`/`order`, requests that no folder
 * lists at the root, responses with their saved request.
 */
export function convertV1(collection: object): RawCollection {
  const v1 = collection as V1Collection
  const requests = new Map<string, V1Request>()
  for (const request of v1.requests ?? []) if (request?.id) requests.set(request.id, request)
  const folders = new Map<string, V1Folder>()
  for (const folder of v1.folders ?? []) if (folder?.id) folders.set(folder.id, folder)
  const placed = new Set<string>()

  const toItem = (request: V1Request): RawItem => ({
    id: request.id,
    name: request.name,
    request: v1Request(request),
    response: (request.responses ?? []).map((response) => v1Response(response, request)),
  })
  const folderItem = (folder: V1Folder, seen: Set<string>): RawItem => {
    const item: RawItem[] = []
    for (const id of folder.folders_order ?? []) {
      const child = folders.get(id)
      if (child && !seen.has(id)) item.push(folderItem(child, new Set([...seen, id])))
    }
    for (const id of folder.order ?? []) {
      const request = requests.get(id)
      if (request && !placed.has(id)) {
        placed.add(id)
        item.push(toItem(request))
      }
    }
    return { id: folder.id, name: folder.name, item }
  }

  const nested = new Set<string>()
  for (const folder of folders.values()) for (const id of folder.folders_order ?? []) nested.add(id)
  const rootFolders = v1.folders_order?.length
    ? v1.folders_order.map((id) => folders.get(id)).filter((f): f is V1Folder => !!f)
    : [...folders.values()].filter((folder) => !nested.has(folder.id ?? ''))
  const items: RawItem[] = rootFolders.map((folder) => folderItem(folder, new Set([folder.id ?? ''])))
  const rootOrder = v1.order?.length ? v1.order : []
  for (const id of rootOrder) {
    const request = requests.get(id)
    if (request && !placed.has(id)) {
      placed.add(id)
      items.push(toItem(request))
    }
  }
  for (const request of v1.requests ?? []) {
    if (request?.id && !placed.has(request.id)) {
      placed.add(request.id)
      items.push(toItem(request))
    }
  }
  return {
    info: {
      name: v1.name,
      _postman_id: v1.id,
      schema: 'https://schema.getpostman.com/json/collection/v1.0.0',
    },
    item: items,
    variable: v1.variables ?? [],
  }
}
