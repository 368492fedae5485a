// C0 controls (ESC starts every terminal escape sequence), DEL, C1 controls (0x9b is a one-byte CSI on
// some terminals) and the invisible marks that reorder text on screen (bidirectional overrides).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

function escapeChar(char: string): string {
  const short = SHORT[char]
  if (short) return short
  const code = char.charCodeAt(0)
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`
}

/**
 * Text from the Postman API (a collection's name, an error message) as it may be printed: control
 * characters and bidirectional overrides are shown escaped, so a terminal never runs them. With
 * `keepNewlines`, line breaks stay (for whole messages whose own lines are already safe).
 *
 * @example
 * visible('Users\u001b[2J') // 'Users\\x1b[2J'
 */
export function visible(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text.replace(options.keepNewlines ? UNSAFE_BUT_NEWLINE : UNSAFE, escapeChar)
}
