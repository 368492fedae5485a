import { findByName, type ListedResource, looksLikeUid } from './find-by-name.js'
import type { PostmanApi } from './postman-api.js'

/** A collection as `GET /collections/{uid}` returns it (v2.1, with uids when asked). */
export interface ApiCollection {
  info?: { name?: string; _postman_id?: string; uid?: string; schema?: string }
  item?: unknown[]
  [key: string]: unknown
}

/** An environment as `GET /environments/{uid}` returns it. */
export interface ApiEnvironment {
  id?: string
  uid?: string
  name?: string
  values?: Array<{ key: string; value?: unknown; enabled?: boolean; type?: string }>
  [key: string]: unknown
}

/** Postman's mock `config`. */
export interface ApiMockConfig {
  delay?: { type?: string; preset?: string; duration?: number } | null
  headers?: string[]
  matchBody?: boolean
  matchHeader?: boolean
  matchQueryParams?: boolean
  matchWildcards?: boolean
  serverResponseId?: string | null
  [key: string]: unknown
}

/** A mock as `GET /mocks/{id}` returns it. */
export interface ApiMock {
  id?: string
  uid?: string
  name?: string
  collection?: string
  environment?: string
  mockUrl?: string
  private?: boolean
  isPublic?: boolean
  config?: ApiMockConfig
}

async function resolveUid(
  api: PostmanApi,
  query: string,
  kind: 'collection' | 'environment',
): Promise<string> {
  if (looksLikeUid(query)) return query
  const list = await api.get<Record<string, ListedResource[] | undefined>>(`/${kind}s`, {
    kind: 'list',
    label: `the ${kind} list`,
  })
  const found = findByName(list[`${kind}s`] ?? [], query, kind)
  return found.uid ?? found.id ?? query
}

/** Fetches a collection by uid or name, with every nested id in uid form (`?uid=true`). */
export async function fetchCollection(api: PostmanApi, query: string): Promise<ApiCollection> {
  const uid = await resolveUid(api, query, 'collection')
  const answer = await api.get<{ collection?: ApiCollection }>(
    `/collections/${encodeURIComponent(uid)}?uid=true`,
    { kind: 'collection', label: `collection ${uid === query ? uid : `"${query}" (${uid})`}` },
  )
  return answer.collection ?? (answer as ApiCollection)
}

/** Fetches an environment by uid or name. */
export async function fetchEnvironment(api: PostmanApi, query: string): Promise<ApiEnvironment> {
  const uid = await resolveUid(api, query, 'environment')
  const answer = await api.get<{ environment?: ApiEnvironment }>(`/environments/${encodeURIComponent(uid)}`, {
    kind: 'environment',
    label: `environment ${uid === query ? uid : `"${query}" (${uid})`}`,
  })
  return answer.environment ?? (answer as ApiEnvironment)
}

/** Fetches a mock server's description: its collection, environment, private flag and config. */
export async function fetchMock(api: PostmanApi, mockId: string): Promise<ApiMock> {
  const answer = await api.get<{ mock?: ApiMock }>(`/mocks/${encodeURIComponent(mockId)}`, {
    kind: 'mock',
    label: `mock ${mockId}`,
  })
  return answer.mock ?? (answer as ApiMock)
}

/** A mock's server response (a 5xx every call gets while it is active), as the Postman API returns it. */
export interface ApiServerResponse {
  id?: string
  name?: string
  statusCode?: number
  headers?: Array<{ key: string; value: string }>
  body?: string
}

/** Fetches one server response of a mock (`GET /mocks/{id}/server-responses/{serverResponseId}`). */
export async function fetchServerResponse(
  api: PostmanApi,
  mockId: string,
  serverResponseId: string,
): Promise<ApiServerResponse> {
  const answer = await api.get<ApiServerResponse & { serverResponse?: ApiServerResponse }>(
    `/mocks/${encodeURIComponent(mockId)}/server-responses/${encodeURIComponent(serverResponseId)}`,
    { kind: 'mock', label: `server response ${serverResponseId} of mock ${mockId}` },
  )
  return answer.serverResponse ?? answer
}
