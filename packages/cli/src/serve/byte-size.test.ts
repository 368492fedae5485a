import { describe, expect, it } from 'vitest'
import { formatByteSize, parseByteSize } from './byte-size.js'

describe('byte sizes', () => {
  it('reads bytes and 1024-based kb, mb, gb in any case', () => {
    expect(parseByteSize('10mb')).toBe(10 * 1024 * 1024)
    expect(parseByteSize('512 KB')).toBe(512 * 1024)
    expect(parseByteSize('1.5kb')).toBe(1536)
    expect(parseByteSize('2048')).toBe(2048)
    expect(parseByteSize('0')).toBe(0)
    for (const bad of ['', 'lots', '-1mb', '10 tb', '1e3']) expect(parseByteSize(bad)).toBeUndefined()
  })

  it('writes them back for people', () => {
    expect(formatByteSize(10 * 1024 * 1024)).toBe('10 MB')
    expect(formatByteSize(1536)).toBe('1.5 KB')
    expect(formatByteSize(300)).toBe('300 B')
  })
})
