/** Builds small v2.1 collections from compact example descriptions, for the conformance cases. */

export interface ExampleSpec {
  name: string
  /** URL of the saved request, e.g. `{{baseUrl}}/users/1?page=2` or `https://api.example.com/users`. */
  url: string
  method?: string
  code?: number
  status?: string
  id?: string
  uid?: string
  /** Saved response body. */
  body?: string
  /** Saved response headers. */
  headers?: Array<[string, string]>
  previewLanguage?: string
  /** Saved request headers (`originalRequest.header`). */
  requestHeaders?: Array<[string, string, boolean?]>
  /** Saved request body (`originalRequest.body`). */
  requestBody?: unknown
  /** Saved query entries, when they need `disabled` flags (replaces the query of `url`). */
  query?: Array<{ key: string; value: string; disabled?: boolean }>
  /** `:name` path variable values. */
  pathVariables?: Record<string, string>
  /** Request (item) name; examples with the same request name share one item. */
  request?: string
  /** Folder path of the item. */
  folder?: string[]
}

function urlObject(spec: ExampleSpec): unknown {
  if (!spec.query && !spec.pathVariables) return spec.url
  const [raw] = spec.url.split('?')
  return {
    raw: spec.url,
    ...(spec.query ? { query: spec.query } : {}),
    ...(spec.pathVariables
      ? { variable: Object.entries(spec.pathVariables).map(([key, value]) => ({ key, value })) }
      : {}),
    path: raw!.split('/').slice(3),
  }
}

function savedRequest(spec: ExampleSpec): Record<string, unknown> {
  return {
    method: spec.method ?? 'GET',
    header: (spec.requestHeaders ?? []).map(([key, value, disabled]) => ({
      key,
      value,
      ...(disabled ? { disabled } : {}),
    })),
    url: urlObject(spec),
    ...(spec.requestBody !== undefined ? { body: spec.requestBody } : {}),
  }
}

/** A v2.1 collection holding these examples (grouped into items by `request`, then into folders). */
export function collectionOf(
  examples: ExampleSpec[],
  variables: Record<string, string> = {},
): Record<string, unknown> {
  const root: Array<Record<string, unknown>> = []
  const items = new Map<string, Record<string, unknown>>()
  const folders = new Map<string, Array<Record<string, unknown>>>()
  const folderOf = (path: string[] | undefined) => {
    let list = root
    let key = ''
    for (const name of path ?? []) {
      key += `/${name}`
      let children = folders.get(key)
      if (!children) {
        children = []
        folders.set(key, children)
        list.push({ name, item: children })
      }
      list = children
    }
    return list
  }
  examples.forEach((spec, i) => {
    const requestName = spec.request ?? spec.name
    let item = items.get(requestName)
    if (!item) {
      item = { name: requestName, request: savedRequest(spec), response: [] }
      items.set(requestName, item)
      folderOf(spec.folder).push(item)
    }
    ;(item.response as unknown[]).push({
      id: spec.id ?? `ex-${String(i).padStart(3, '0')}`,
      ...(spec.uid ? { uid: spec.uid } : {}),
      name: spec.name,
      originalRequest: savedRequest(spec),
      status: spec.status ?? '',
      code: spec.code ?? 200,
      ...(spec.previewLanguage ? { _postman_previewlanguage: spec.previewLanguage } : {}),
      header: (spec.headers ?? []).map(([key, value]) => ({ key, value })),
      body: spec.body ?? `{"example":"${spec.name}"}`,
    })
  })
  return {
    info: {
      name: 'conformance',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: root,
    variable: Object.entries(variables).map(([key, value]) => ({ key, value })),
  }
}
