/** An exclusive lock beside a file, shared by processes (test workers): a directory made atomically. */
import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { postmockError } from './messages.js'

/** How a lock is waited for. */
export interface FileLockOptions {
  /** Give up after this long. Default 60 000 ms. */
  timeoutMs?: number
  /** A lock older than this is taken over even when its owner may be alive. Default 30 000 ms. */
  staleMs?: number
}

interface Owner {
  token: string
  pid: number
  host: string
}

/** What `rename()` onto a lock that exists says (Linux: ENOTEMPTY; elsewhere EEXIST or EPERM). */
const HELD = new Set(['ENOTEMPTY', 'EEXIST', 'EPERM'])

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function readOwner(dir: string): Promise<Owner | undefined> {
  try {
    return JSON.parse(await readFile(`${dir}/owner.json`, 'utf8')) as Owner
  } catch {
    return undefined
  }
}

/** Whether the lock at `dir` was left by a process that ended, or is older than `staleMs`. */
async function isStale(dir: string, staleMs: number): Promise<Owner | 'unowned' | undefined> {
  let made: number
  try {
    made = (await stat(dir)).mtimeMs
  } catch {
    return undefined
  }
  const owner = await readOwner(dir)
  // Locks are made with their owner inside; one without (made by hand, half removed) is waited on a moment.
  if (!owner) return Date.now() - made > Math.min(staleMs, 2000) ? 'unowned' : undefined
  if (owner.host === hostname() && !alive(owner.pid)) return owner
  return Date.now() - made > staleMs ? owner : undefined
}

/** Moves a stale lock aside (rename is atomic: of two takers, one wins) and removes it. */
async function breakLock(dir: string, stale: Owner | 'unowned'): Promise<void> {
  const aside = `${dir}.stale-${randomUUID()}`
  try {
    await rename(dir, aside)
  } catch {
    return
  }
  const moved = await readOwner(aside)
  if (stale !== 'unowned' && moved?.token !== stale.token) {
    // Another process took the lock between the check and the rename: give it back.
    await rename(aside, dir).catch(() => {})
    return
  }
  await rm(aside, { recursive: true, force: true })
}

/**
 * Runs `fn` holding the lock `<path>.postmock-lock` (a directory renamed into place: atomic on every
 * file system Node writes to). Waits while another process holds it; takes over a lock whose owner ended
 * (same machine) or that is older than `staleMs`. The lock is released when `fn` settles.
 *
 * @example
 * await withFileLock('./testAPI.json', async () => {
 *   // read, change and write the file: no other worker does meanwhile
 * })
 */
export async function withFileLock<T>(
  path: string,
  fn: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const dir = `${path}.postmock-lock`
  const timeoutMs = options.timeoutMs ?? 60_000
  const staleMs = options.staleMs ?? 30_000
  const owner: Owner = { token: randomUUID(), pid: process.pid, host: hostname() }
  const started = Date.now()
  // The lock comes into being with its owner inside: made aside, then renamed into place (atomic; fails
  // while a lock, never empty, is there), so no one ever sees a lock without its owner.
  const fresh = `${dir}.new-${owner.token}`
  await mkdir(fresh)
  await writeFile(`${fresh}/owner.json`, JSON.stringify(owner))
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(fresh, dir)
      break
    } catch (error) {
      if (!HELD.has((error as NodeJS.ErrnoException).code ?? '')) {
        await rm(fresh, { recursive: true, force: true })
        throw error
      }
    }
    const stale = await isStale(dir, staleMs)
    if (stale) await breakLock(dir, stale)
    else if (Date.now() - started > timeoutMs) {
      await rm(fresh, { recursive: true, force: true })
      throw postmockError(
        'INVALID_OPTION',
        `lock ${path}`,
        `another process has held ${dir} for over ${Math.round(timeoutMs / 1000)} s`,
        'Remove that directory if no test run is writing the file',
      )
    } else await sleep(Math.min(10 * 2 ** Math.min(attempt, 4), 150) + Math.random() * 20)
  }
  try {
    return await fn()
  } finally {
    const current = await readOwner(dir)
    if (current?.token === owner.token) {
      // Moved aside first: emptied in place, the lock could be replaced (a rename onto an empty
      // directory succeeds) and the next owner's lock removed with it.
      const done = `${dir}.done-${owner.token}`
      await rename(dir, done)
      await rm(done, { recursive: true, force: true })
    }
  }
}
