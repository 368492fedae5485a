import { describe, expect, it } from 'vitest'
import { maskedTarget } from './masked-target.js'

const KEY = 'PMAK-6740f1c2a9e84b5d-0a1b2c3d4e5f60718293a4b5c6d7e8f9'

describe('maskedTarget', () => {
  it('masks the values of the API key parameters, in any case and encoding', () => {
    expect(maskedTarget(`/users/1?apikey=${KEY}&page=2`)).toBe('/users/1?apikey=PMAK-…e8f9&page=2')
    expect(maskedTarget(`/a?X-API-KEY=${encodeURIComponent(KEY)}`)).toBe('/a?X-API-KEY=PMAK-…e8f9')
    expect(maskedTarget('/a?api%5Fkey=secret-12')).toBe('/a?api%5Fkey=***')
  })

  it('leaves other parameters and paths alone', () => {
    expect(maskedTarget('/keys/apikey=1')).toBe('/keys/apikey=1')
    expect(maskedTarget('/a?monkey=banana&key=1')).toBe('/a?monkey=banana&key=1')
    expect(maskedTarget('/a')).toBe('/a')
  })
})
