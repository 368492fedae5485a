import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cliError } from '../cli-error.js'
import { safeFileName } from './file-name.js'

/** Who a pulled file belongs to: its Postman id (else its name) and its name. */
export interface Owner {
  id: string | undefined
  name: string | undefined
}

/** Where one pulled resource goes. */
export interface FileChoice {
  path: string
  /** Set when the plain file name was taken by another resource: that file and its owner. */
  taken?: { path: string; owner: Owner }
}

/** What the file at `path` holds: its owner, `null` when there is no file, `undefined` when unreadable. */
async function ownerOfFile(path: string, read: (json: unknown) => Owner): Promise<Owner | null | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    return (error as { code?: string }).code === 'ENOENT' ? null : undefined
  }
  try {
    return read(JSON.parse(text))
  } catch {
    return undefined
  }
}

/** The n-th name tried: none, the short id, then the short id and a counter (or the counter alone). */
function tagFor(attempt: number, shortId: string | undefined): string | undefined {
  if (attempt === 0) return undefined
  if (attempt === 1) return shortId
  return shortId ? `${shortId}-${attempt}` : String(attempt)
}

const sameOwner = (a: Owner, b: Owner) =>
  a.id !== undefined || b.id !== undefined ? a.id === b.id : a.name === b.name

/**
 * Picks the file a pulled collection or environment is written to, in `dir`: its safe name, unless a
 * file of that name holds another resource (two names can give the same file name: "Users API" and
 * "Users/API"); then `<name>-<first 8 characters of its id>`, then with a counter. A file that holds
 * the same resource is overwritten: pulling again updates it.
 */
export async function chooseFile(options: {
  dir: string
  owner: Owner
  suffix: string
  fallback: string
  read: (json: unknown) => Owner
}): Promise<FileChoice> {
  const { dir, owner, suffix, fallback, read } = options
  const shortId = owner.id?.slice(0, 8)
  let taken: FileChoice['taken']
  for (let attempt = 0; attempt < 100; attempt++) {
    const tag = tagFor(attempt, shortId)
    if (attempt > 0 && !tag) continue
    const path = join(dir, safeFileName(owner.name, suffix, fallback, tag))
    const found = await ownerOfFile(path, read)
    if (found === null || (found && sameOwner(found, owner))) return taken ? { path, taken } : { path }
    taken ??= { path, owner: found ?? { id: undefined, name: undefined } }
  }
  throw cliError(
    `choose a file name in ${dir}`,
    `100 files there already hold other resources of this name`,
    'Pull into another folder with --out',
  )
}
