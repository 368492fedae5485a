import type { PostmanApi } from '../api/postman-api.js'
import { requestPayload, responsePayload } from './api-payloads.js'
import type { RequestNode } from './collection-tree.js'
import type { PlanRow } from './push-plan.js'

/** What a write to the Collection Items API answers: the new or updated item's id. */
interface WriteAnswer {
  model_id?: string
  data?: { id?: string }
}

/** One write done: the row and the id Postman gave or kept. */
export interface Applied {
  row: PlanRow
  id: string | undefined
}

/**
 * Runs the plan's writes one after another (the API counts calls per minute): creates the requests
 * first when asked, then creates and updates the examples. Calls `onDone` after each.
 */
export async function applyPlan(
  api: PostmanApi,
  collectionId: string,
  plan: readonly PlanRow[],
  onDone: (applied: Applied) => void,
): Promise<Applied[]> {
  const base = `/collections/${encodeURIComponent(collectionId)}`
  const createdRequests = new Map<RequestNode, string | undefined>()
  const done: Applied[] = []
  for (const row of plan) {
    if (row.action === 'skip') continue
    const label = row.example ? `example "${row.example}" of "${row.request}"` : `request "${row.request}"`
    const subject = { kind: 'collection', label: `${label} in collection ${collectionId}` } as const
    let answer: WriteAnswer
    if (row.action === 'create-request') {
      const folder = row.folderId ? `?folder=${encodeURIComponent(row.folderId)}` : ''
      answer = await api.send('POST', `${base}/requests${folder}`, requestPayload(row.local.raw), {
        ...subject,
        verb: 'create',
      })
      createdRequests.set(row.local, answer.model_id ?? answer.data?.id)
    } else if (row.action === 'create') {
      const requestId = row.requestId ?? createdRequests.get(row.local)
      const query = `?request=${encodeURIComponent(requestId ?? '')}`
      answer = await api.send('POST', `${base}/responses${query}`, responsePayload(row.localExample!.raw), {
        ...subject,
        verb: 'create',
      })
    } else {
      const path = `${base}/responses/${encodeURIComponent(row.responseId ?? '')}`
      answer = await api.send('PUT', path, responsePayload(row.localExample!.raw), {
        ...subject,
        verb: 'update',
      })
    }
    const applied = { row, id: answer.model_id ?? answer.data?.id ?? row.responseId }
    done.push(applied)
    onDone(applied)
  }
  return done
}
