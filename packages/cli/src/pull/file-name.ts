/** The longest file name most file systems take (ext4, APFS, NTFS: 255 bytes or UTF-16 units). */
export const MAX_FILE_NAME_BYTES = 255

// Windows device names: `CON`, `nul.txt` or `Com1.tar.gz` open the device, not a file.
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i

const bytes = (text: string) => Buffer.byteLength(text, 'utf8')

function cutToBytes(text: string, max: number): string {
  if (bytes(text) <= max) return text
  let cut = ''
  let used = 0
  for (const char of text) {
    used += bytes(char)
    if (used > max) break
    cut += char
  }
  return cut
}

/** Letters, digits, `.`, `_` and `-` only; no leading `-`/`.`, no trailing `-`/`.`. */
function sanitise(text: string): string {
  return text
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
}

/** `con` → `con_`, `nul.txt` → `nul_.txt`: the part before the first dot must not name a device. */
function notReserved(stem: string): string {
  return stem.replace(/^[^.]*/, (base) => (RESERVED.test(base) ? `${base}_` : base))
}

/**
 * A safe file name for a Postman name: portable characters only, never a Windows device name, and at
 * most {@link MAX_FILE_NAME_BYTES} bytes with `tag` (`-<tag>`, to tell two names apart) and `suffix`.
 *
 * @example
 * safeFileName('Users/API', '.postman_collection.json', 'collection') // 'Users-API.postman_collection.json'
 * safeFileName('CON', '.postman_collection.json', 'collection') // 'CON_.postman_collection.json'
 */
export function safeFileName(
  name: string | undefined,
  suffix: string,
  fallback: string,
  tag?: string,
): string {
  const cleanTag = sanitise(cutToBytes(sanitise(tag ?? ''), 64))
  const tagPart = cleanTag ? `-${cleanTag}` : ''
  // one byte spare for the `_` a device name gets
  const budget = MAX_FILE_NAME_BYTES - bytes(suffix) - bytes(tagPart) - 1
  const stem = sanitise(cutToBytes(sanitise(name ?? ''), budget)) || fallback
  return `${notReserved(stem)}${tagPart}${suffix}`
}
