import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RecordedExchange } from './record/types.js'
import { recordIntoFile } from './record-file.js'

const TARGET = 'http://127.0.0.1:9'

const collection = {
  info: { name: 'API', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [{ name: 'Get user', request: { method: 'GET', url: '{{baseUrl}}/users/:id' }, response: [] }],
}

function answer(path: string, body: string): RecordedExchange {
  return {
    request: { method: 'GET', url: `${TARGET}${path}` },
    response: { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, body },
  }
}

async function collectionFile(text = `${JSON.stringify(collection, null, '\t')}`): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'postmock-record-'))
  const file = join(dir, 'api.postman_collection.json')
  await writeFile(file, text)
  return file
}

describe('recordIntoFile', () => {
  it('merges concurrent writers: nothing is lost, the layout is kept, no lock or temp file is left', async () => {
    const file = await collectionFile()
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        recordIntoFile(file, [answer(`/users/${i}`, `{"id":${i}}`)], { target: TARGET }),
      ),
    )
    expect(results.every((result) => result.written)).toBe(true)
    const text = await readFile(file, 'utf8')
    const saved = JSON.parse(text)
    expect(saved.item[0].response).toHaveLength(12)
    expect(new Set(saved.item[0].response.map((e: { name: string }) => e.name)).size).toBe(12)
    expect(text).toBe(JSON.stringify(saved, null, '\t'))
    expect(await readdir(join(file, '..'))).toEqual(['api.postman_collection.json'])
  })

  it('writes nothing when every answer is already saved (the file stays byte-identical)', async () => {
    const file = await collectionFile()
    await recordIntoFile(file, [answer('/users/1', '{"id":1}')], { target: TARGET })
    const before = await readFile(file)
    const again = await recordIntoFile(file, [answer('/users/1', '{"id":1}')], { target: TARGET })
    expect(again).toMatchObject({ written: false, changes: [{ kind: 'unchanged' }] })
    expect((await readFile(file)).equals(before)).toBe(true)
  })

  it('takes over a lock left by a process that ended', async () => {
    const file = await collectionFile()
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString()
    await mkdir(`${file}.postmock-lock`)
    await writeFile(
      `${file}.postmock-lock/owner.json`,
      JSON.stringify({ token: 'old', pid: Number(dead), host: (await import('node:os')).hostname() }),
    )
    const result = await recordIntoFile(file, [answer('/users/1', '{}')], {
      target: TARGET,
      lock: { timeoutMs: 5000 },
    })
    expect(result.written).toBe(true)
  })

  it('leaves a file it cannot read as JSON as it was', async () => {
    const file = await collectionFile('{"info": {}, "item": [')
    await expect(recordIntoFile(file, [answer('/users/1', '{}')], { target: TARGET })).rejects.toThrow(
      /\[postmock\].*not valid JSON/,
    )
    expect(await readFile(file, 'utf8')).toBe('{"info": {}, "item": [')
    expect(await readdir(join(file, '..'))).toEqual(['api.postman_collection.json'])
  })
})
