/** Shorter values are not masked: they are not Postman keys, and masking them would garble messages. */
export const MIN_SECRET_LENGTH = 8

/**
 * How a key is shown instead of itself: `PMAK-…e8f9` (its last 4 characters, enough to tell two keys
 * apart), or `***` for a short one.
 *
 * @example
 * maskedForm('PMAK-6740f1c2a9e84b5d-0a1b2c3d4e5f60718293a4b5c6d7e8f9') // 'PMAK-…e8f9'
 */
export function maskedForm(secret: string): string {
  if (secret.length < 16) return '***'
  return `${secret.startsWith('PMAK-') ? 'PMAK-' : ''}…${secret.slice(-4)}`
}

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')

/**
 * `text` with every occurrence of the secrets (as they are, in any case, or URL-encoded) replaced by
 * their {@link maskedForm}.
 *
 * @example
 * maskSecrets('Invalid key PMAK-6740…e8f9', [key]) // 'Invalid key PMAK-…e8f9'
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue
    const forms = new Set([secret, encodeURIComponent(secret)])
    const pattern = new RegExp([...forms].map(escapeRegExp).join('|'), 'gi')
    const shown = maskedForm(secret)
    masked = masked.replace(pattern, () => shown)
  }
  return masked
}
