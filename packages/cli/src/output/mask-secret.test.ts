import { describe, expect, it } from 'vitest'
import { maskedForm, maskSecrets } from './mask-secret.js'

const key = 'PMAK-6740f1c2a9e84b5d-0a1b2c3d4e5f60718293a4b5c6d7e8f9'

describe('maskSecrets', () => {
  it('replaces every occurrence, in any case, with the masked form', () => {
    expect(maskSecrets(`a ${key} b ${key.toUpperCase()}`, [key])).toBe('a PMAK-…e8f9 b PMAK-…e8f9')
  })

  it('also the URL-encoded key, and several keys', () => {
    const odd = 'my key/with+signs$&'
    expect(maskSecrets(`?k=${encodeURIComponent(odd)} ${odd} ${key}`, [odd, key])).toBe(
      '?k=…ns$& …ns$& PMAK-…e8f9',
    )
  })

  it('leaves short values alone: they are not keys', () => {
    expect(maskSecrets('a k b', ['k'])).toBe('a k b')
    expect(maskedForm('12345678')).toBe('***')
  })
})
