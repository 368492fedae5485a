/** The loose shapes of Postman's JSON, as found in real exports (every field may be missing or odd). */

export interface RawKeyValue {
  key?: string | null
  value?: unknown
  disabled?: boolean
  enabled?: boolean
  type?: string
}

export interface RawUrl {
  raw?: string
  protocol?: string
  host?: string | string[]
  port?: string
  path?: string | Array<string | { type?: string; value?: string }>
  query?: RawKeyValue[]
  hash?: string
  variable?: RawKeyValue[]
}

export interface RawBody {
  mode?: string
  raw?: string
  urlencoded?: RawKeyValue[]
  formdata?: RawKeyValue[]
  file?: unknown
  graphql?: { query?: string; variables?: string | Record<string, unknown>; operationName?: string }
  options?: { raw?: { language?: string } }
  disabled?: boolean
}

export interface RawRequest {
  method?: string
  url?: string | RawUrl
  header?: RawKeyValue[] | string | null
  body?: RawBody | null
}

export interface RawResponse {
  id?: string
  uid?: string
  name?: string
  originalRequest?: RawRequest | string
  status?: string
  code?: unknown
  header?: RawKeyValue[] | string | null
  body?: string | null
  _postman_previewlanguage?: string
}

export interface RawItem {
  id?: string
  uid?: string
  name?: string
  item?: RawItem[]
  request?: RawRequest | string
  response?: RawResponse[]
  variable?: RawKeyValue[]
}

export interface RawCollection {
  info?: { name?: string; schema?: string; _postman_id?: string }
  item?: RawItem[]
  variable?: RawKeyValue[]
}
