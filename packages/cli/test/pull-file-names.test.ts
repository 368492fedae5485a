import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { IDS, NAMES, uid } from './fake-postman-api.js'
import { filesUnder, readJson, usePullKit } from './pull-kit.js'

const kit = usePullKit()
const { pull } = kit

// what a terminal would act on: C0 (but the newline that ends a line), DEL, C1, the bidi override
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/

const nameIn = async (file: string) =>
  (await readJson<{ info: { name: string } }>(join(kit.dir, 'collections', file))).info.name

describe('postmock pull: file names', () => {
  it('gives a second collection whose name gives the same file name its own file, and says so', async () => {
    const first = await pull(['--collection', NAMES.usersSpace])
    expect(first.stdout).toContain('→ collections/Users-API.postman_collection.json')
    const second = await pull(['--collection', NAMES.usersSlash])
    expect(second.code).toBe(0)
    expect(second.stderr).toBe(
      `[postmock] collections/Users-API.postman_collection.json holds another collection, "Users API" (${IDS.usersSpace}); collection "Users/API" goes to collections/Users-API-a2000000.postman_collection.json instead, so neither overwrites the other.\n`,
    )
    expect(second.stdout).toContain('→ collections/Users-API-a2000000.postman_collection.json')
    expect(await nameIn('Users-API.postman_collection.json')).toBe('Users API')
    expect(await nameIn('Users-API-a2000000.postman_collection.json')).toBe('Users/API')

    // pulling either again updates its own file
    const again = await pull(['--collection', NAMES.usersSpace])
    expect(again.stderr).toBe('')
    const slashAgain = await pull(['--collection', NAMES.usersSlash])
    expect(slashAgain.stdout).toContain('→ collections/Users-API-a2000000.postman_collection.json')
    expect((await filesUnder(kit.dir)).map((file) => basename(file)).sort()).toEqual([
      'Users-API-a2000000.postman_collection.json',
      'Users-API.postman_collection.json',
    ])
  })

  it('cuts long names to 255 bytes, and two that differ only past the cut get two files', async () => {
    expect((await pull(['--collection', uid(IDS.longA)])).code).toBe(0)
    const second = await pull(['--collection', uid(IDS.longB)])
    expect(second.code).toBe(0)
    expect(second.stderr).toContain('holds another collection')
    const files = (await filesUnder(kit.dir)).map((file) => basename(file)).sort()
    expect(files).toHaveLength(2)
    for (const file of files) {
      expect(Buffer.byteLength(file)).toBeLessThanOrEqual(255)
      expect(file).toMatch(/^Very-long-collection-name-Very-long.*\.postman_collection\.json$/)
    }
    expect(files.map((file) => file.includes('-a4000000.'))).toEqual([true, false])
    expect(await nameIn(files[1]!)).toBe(NAMES.longA)
    expect(await nameIn(files[0]!)).toBe(NAMES.longB)
  })

  it('gives Windows device names (any case, also with an extension) a safe file name', async () => {
    const con = await pull(['--collection', uid(IDS.con)])
    expect(con.stdout).toContain(
      'Pulled collection "CON" (0 requests, 0 examples) → collections/CON_.postman_collection.json',
    )
    const nul = await pull(['--collection', uid(IDS.nulTxt)])
    expect(nul.stdout).toContain('→ collections/nul_.txt.postman_collection.json')
  })
})

describe('postmock pull: names with escape sequences', () => {
  const shown = 'Evil\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u202eName'

  it('prints them escaped, never as they are', async () => {
    const result = await pull(['--collection', uid(IDS.escapes)])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      `[postmock] Pulled collection "${shown}" (0 requests, 0 examples) → collections/Evil-0-owned-2J-31m-Name.postman_collection.json`,
    )
    expect(result.stdout + result.stderr).not.toMatch(CONTROL)
    // the file keeps the name as Postman has it
    expect(await nameIn('Evil-0-owned-2J-31m-Name.postman_collection.json')).toBe(NAMES.escapes)
  })

  it('also in a list of candidates', async () => {
    const result = await pull(['--collection', 'evil'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`Similar names:\n  - "${shown}" (${uid(IDS.escapes)})`)
    expect(result.stdout + result.stderr).not.toMatch(CONTROL)
  })
})
