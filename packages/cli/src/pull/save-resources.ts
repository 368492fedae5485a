import { join } from 'node:path'
import type { ApiCollection, ApiEnvironment } from '../api/postman-resources.js'
import { err, out, plural } from '../output/io.js'
import { maskSecrets } from '../output/mask-secret.js'
import { visible } from '../output/visible.js'
import { chooseFile, type Owner } from './choose-file.js'
import { shownPath, type Writer, writeJson } from './write-json.js'

const text = (value: unknown) => (typeof value === 'string' ? value : undefined)

function countExamples(items: unknown): { requests: number; examples: number } {
  let requests = 0
  let examples = 0
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) return
    for (const node of list as Array<{ item?: unknown; request?: unknown; response?: unknown }>) {
      if (Array.isArray(node?.item)) walk(node.item)
      else if (node?.request !== undefined) {
        requests++
        if (Array.isArray(node.response)) examples += node.response.length
      }
    }
  }
  walk(items)
  return { requests, examples }
}

/** An environment as Postman's "Export" writes it, so every tool (and Postman) can read the file. */
function asExport(environment: ApiEnvironment): Record<string, unknown> {
  return {
    id: environment.id,
    name: environment.name,
    values: (environment.values ?? []).map((value) => ({
      key: value.key,
      value: value.value ?? '',
      type: value.type ?? 'default',
      enabled: value.enabled !== false,
    })),
    _postman_variable_scope: 'environment',
    _postman_exported_at: new Date().toISOString(),
    _postman_exported_using: 'postmock',
  }
}

const collectionOwner = (json: unknown): Owner => {
  const info = (json as ApiCollection | undefined)?.info
  return { id: text(info?._postman_id) ?? text(info?.uid), name: text(info?.name) }
}

const environmentOwner = (json: unknown): Owner => {
  const environment = json as ApiEnvironment | undefined
  return { id: text(environment?.id) ?? text(environment?.uid), name: text(environment?.name) }
}

/** `another collection, "Users API" (0b000000-…)`, for messages. */
function describe(owner: Owner, kind: string): string {
  if (owner.name === undefined && owner.id === undefined)
    return `a file that is not a ${kind} postmock can read`
  return `another ${kind}, "${visible(owner.name ?? '?')}"${owner.id ? ` (${visible(owner.id)})` : ''}`
}

/** Picks the file for a resource in `dir`, saying so when its plain name was taken by another one. */
async function place(
  writer: Writer,
  kind: 'collection' | 'environment',
  owner: Owner,
  read: (json: unknown) => Owner,
): Promise<string> {
  const suffix = `.postman_${kind}.json`
  // the file name is derived from the name: the key must not get into it either
  const named = {
    ...owner,
    name: owner.name === undefined ? undefined : maskSecrets(owner.name, [writer.apiKey]),
  }
  const dir = join(writer.outDir, `${kind}s`)
  const choice = await chooseFile({ dir, owner: named, suffix, fallback: kind, read })
  if (choice.taken) {
    err(
      writer.io,
      `[postmock] ${shownPath(writer.io, choice.taken.path)} holds ${describe(choice.taken.owner, kind)}; ${kind} "${visible(owner.name ?? '?')}" goes to ${shownPath(writer.io, choice.path)} instead, so neither overwrites the other.`,
    )
  }
  return choice.path
}

/** Writes a collection under `collections/` and prints what it holds. */
export async function saveCollection(writer: Writer, collection: ApiCollection): Promise<string> {
  const owner = collectionOwner(collection)
  const path = await place(writer, 'collection', owner, collectionOwner)
  await writeJson(writer, path, collection)
  const { requests, examples } = countExamples(collection.item)
  out(
    writer.io,
    `[postmock] Pulled collection "${visible(owner.name ?? '?')}" (${plural(requests, 'request')}, ${plural(examples, 'example')}) → ${shownPath(writer.io, path)}`,
  )
  return path
}

/** Writes an environment under `environments/`, in Postman's export format, and prints what it holds. */
export async function saveEnvironment(writer: Writer, environment: ApiEnvironment): Promise<string> {
  const owner = environmentOwner(environment)
  const path = await place(writer, 'environment', owner, environmentOwner)
  await writeJson(writer, path, asExport(environment))
  out(
    writer.io,
    `[postmock] Pulled environment "${visible(owner.name ?? '?')}" (${plural(environment.values?.length ?? 0, 'value')}) → ${shownPath(writer.io, path)}`,
  )
  return path
}
