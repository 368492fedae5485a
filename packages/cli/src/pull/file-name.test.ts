import { describe, expect, it } from 'vitest'
import { safeFileName } from './file-name.js'

const suffix = '.postman_collection.json'
const name = (text: string | undefined, tag?: string) => safeFileName(text, suffix, 'collection', tag)

describe('safeFileName', () => {
  it('keeps letters, digits, . _ and -, and falls back for an empty name', () => {
    expect(name('Users/API')).toBe('Users-API.postman_collection.json')
    expect(name(' ..hidden.. ')).toBe('hidden.postman_collection.json')
    expect(name('日本')).toBe('collection.postman_collection.json')
    expect(name(undefined, 'a2000000')).toBe('collection-a2000000.postman_collection.json')
  })

  it('never names a Windows device, in any case, also with an extension', () => {
    for (const device of ['con', 'PRN', 'Aux', 'nul', 'COM1', 'lpt9', 'com0']) {
      expect(name(device)).toBe(`${device}_.postman_collection.json`)
    }
    expect(name('NUL.tar.gz')).toBe('NUL_.tar.gz.postman_collection.json')
    expect(name('console')).toBe('console.postman_collection.json')
    expect(name('con', 'a5000000')).toBe('con_-a5000000.postman_collection.json')
  })

  it('cuts long names to 255 bytes with the tag and the suffix, without a trailing - or .', () => {
    const long = name('x'.repeat(400), 'a4000000-2')
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(255)
    expect(long).toMatch(/^x+-a4000000-2\.postman_collection\.json$/)
    const cutAtDash = name(`${'y'.repeat(229)}-----zzz`)
    expect(cutAtDash).toBe(`${'y'.repeat(229)}.postman_collection.json`)
    expect(Buffer.byteLength(name('ab'.repeat(300), 'z'.repeat(300)))).toBeLessThanOrEqual(255)
  })
})
