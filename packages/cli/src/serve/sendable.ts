// What Node's http module accepts on the wire (its checkIsHttpToken and checkInvalidHeaderChar):
// anything else makes writeHead throw after it has set the status, which used to send `500 OK`.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

/**
 * Whether Node can send this header: a token name, and a value of tab, visible ASCII, space or
 * Latin-1 (no control character, DEL or character above U+00FF).
 *
 * @example
 * sendableHeader('x-echo', 'ok') // true
 * sendableHeader('x-echo', 'a\u0001b') // false
 */
export function sendableHeader(name: string, value: string): boolean {
  return TOKEN.test(name) && FIELD_VALUE.test(value)
}

/**
 * Whether Node accepts this text as a status message (not empty, no control or non-Latin-1 character).
 *
 * @example
 * sendableStatusText('Not Found') // true
 */
export function sendableStatusText(text: string): boolean {
  return text.length > 0 && FIELD_VALUE.test(text)
}
