import { describe, expect, it } from 'vitest'
import { visible } from './visible.js'

describe('visible', () => {
  it('escapes C0 and C1 controls, DEL and bidirectional overrides', () => {
    expect(visible('a\u001b[31mb\u0007c\u009bd\u007fe\u202ef\u2066g')).toBe(
      'a\\x1b[31mb\\x07c\\x9bd\\x7fe\\u202ef\\u2066g',
    )
    expect(visible('line\nnext\r\tend')).toBe('line\\nnext\\r\\tend')
  })

  it('keeps newlines when asked, and leaves other text alone', () => {
    expect(visible('one\ntwo\u001b', { keepNewlines: true })).toBe('one\ntwo\\x1b')
    expect(visible('Ünïcode → “quotes” … 日本')).toBe('Ünïcode → “quotes” … 日本')
  })
})
