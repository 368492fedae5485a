import { collectionTree, type ExampleNode, type FolderNode, type RequestNode } from './collection-tree.js'
import { exampleChanges } from './example-form.js'

/** What `push` does with one example (or, with `--create-requests`, one request). */
export type PushAction = 'create' | 'update' | 'skip' | 'create-request'

/** One row of the plan. */
export interface PlanRow {
  /** Folders and request name: `Users / Get user`. */
  request: string
  /** The example's name (`''` on a `create-request` row). */
  example: string
  action: PushAction
  reason: string
  /** The file's request. */
  local: RequestNode
  /** The file's example (not on a `create-request` row). */
  localExample: ExampleNode | undefined
  /** The API's request id it goes under (unknown until a `create-request` row ran). */
  requestId: string | undefined
  /** The API's response id an `update` replaces. */
  responseId: string | undefined
  /** For `create-request`: the API's folder id to create it in (`undefined`: the root). */
  folderId: string | undefined
}

const keyOf = (node: RequestNode) => `${node.name}\u0000${node.method}\u0000${node.path}`

/** A map of the entries whose key is unique (an ambiguous key matches nothing). */
function uniqueBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T> {
  const map = new Map<string, T>()
  const seen = new Set<string>()
  for (const item of items) {
    const k = key(item)
    if (k === undefined) continue
    if (seen.has(k)) map.delete(k)
    else map.set(k, item)
    seen.add(k)
  }
  return map
}

function folderFor(
  local: RequestNode,
  folders: readonly FolderNode[],
): { id: string | undefined; note: string } {
  if (local.folders.length === 0) return { id: undefined, note: '' }
  const wanted = local.folders.join('\u0000')
  const found = folders.find((folder) => folder.path.join('\u0000') === wanted && folder.id)
  if (found) return { id: found.id, note: '' }
  return { id: undefined, note: ` (at the root: folder "${local.folders.join(' / ')}" is not in Postman)` }
}

/**
 * What `push` would do: each example of the file that has a request in Postman (matched by id, else
 * by name + method + path) is created when Postman lacks it (matched by id, else by name), updated
 * when its code, headers, body or saved request differ, and skipped when equal. Examples of requests
 * Postman lacks are skipped, or with `createRequests` their request is created first. Nothing is
 * ever deleted: examples only Postman has stay as they are.
 *
 * @example
 * const plan = pushPlan(localCollection, apiCollection, { createRequests: false })
 * plan.filter((row) => row.action !== 'skip')
 */
export function pushPlan(local: unknown, remote: unknown, options: { createRequests: boolean }): PlanRow[] {
  const mine = collectionTree(local)
  const theirs = collectionTree(remote)
  const byId = uniqueBy(theirs.requests, (node) => node.id)
  const byKey = uniqueBy(theirs.requests, keyOf)
  const rows: PlanRow[] = []
  for (const request of mine.requests) {
    if (request.examples.length === 0) continue
    const label = [...request.folders, request.name].join(' / ')
    const row = (
      example: ExampleNode | undefined,
      action: PushAction,
      reason: string,
      ids: { requestId?: string; responseId?: string; folderId?: string } = {},
    ): PlanRow => ({
      request: label,
      example: example?.name ?? '',
      action,
      reason,
      local: request,
      localExample: example,
      requestId: ids.requestId,
      responseId: ids.responseId,
      folderId: ids.folderId,
    })
    const match = (request.id !== undefined ? byId.get(request.id) : undefined) ?? byKey.get(keyOf(request))
    if (!match) {
      if (!options.createRequests) {
        for (const example of request.examples) {
          rows.push(row(example, 'skip', 'request not in Postman (--create-requests creates it)'))
        }
        continue
      }
      const folder = folderFor(request, theirs.folders)
      rows.push(row(undefined, 'create-request', `not in Postman${folder.note}`, { folderId: folder.id }))
      for (const example of request.examples) rows.push(row(example, 'create', 'new request'))
      continue
    }
    const examplesById = uniqueBy(match.examples, (example) => example.id)
    const examplesByName = uniqueBy(match.examples, (example) => example.name)
    for (const example of request.examples) {
      const requestId = match.id
      const found =
        (example.id !== undefined ? examplesById.get(example.id) : undefined) ??
        examplesByName.get(example.name)
      if (!found) {
        rows.push(row(example, 'create', 'not in Postman', { requestId }))
        continue
      }
      const changes = exampleChanges(example.raw, found.raw)
      if (changes.length === 0)
        rows.push(row(example, 'skip', 'unchanged', { requestId, responseId: found.id }))
      else
        rows.push(
          row(example, 'update', `changed: ${changes.join(', ')}`, { requestId, responseId: found.id }),
        )
    }
  }
  return rows
}
