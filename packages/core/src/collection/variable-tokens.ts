import { CLOSE_BRACE, OPEN_BRACE } from './char-codes.js'

/**
 * Where the `{{name}}` token opening at `open` (the index of its `{{`) closes: the index of its `}}`, or
 * -1 when the braces there do not form a token. A name holds no brace, as in Postman's engine
 * (`/{{([^{}]*?)}}/g`, read left to right).
 *
 * @example
 * tokenClose('a {{b}} c', 2) // 5
 * tokenClose('{{a{{b}}', 0) // -1
 */
export function tokenClose(text: string, open: number): number {
  let close = open + 2
  for (; close < text.length; close++) {
    const code = text.charCodeAt(close)
    if (code === OPEN_BRACE || code === CLOSE_BRACE) break
  }
  return text.charCodeAt(close) === CLOSE_BRACE && text.charCodeAt(close + 1) === CLOSE_BRACE ? close : -1
}

/**
 * The index of the `{{` of the first token at or after `from`, or -1 (braces that form no token are
 * passed over, one character at a time, as Postman's engine does).
 *
 * @example
 * nextToken('{{a{{b}}', 0) // 3
 */
export function nextToken(text: string, from: number): number {
  let open = text.indexOf('{{', from)
  while (open >= 0 && tokenClose(text, open) < 0) open = text.indexOf('{{', open + 1)
  return open
}

/**
 * The names of a text's `{{name}}` tokens, in order, found as one substitution pass finds them.
 *
 * @example
 * tokenNames('{{a}}/{{b}}/{{a}}') // ['a', 'b', 'a']
 */
export function tokenNames(text: string): string[] {
  const names: string[] = []
  for (let open = nextToken(text, 0); open >= 0; ) {
    const close = tokenClose(text, open)
    names.push(text.slice(open + 2, close))
    open = nextToken(text, close + 2)
  }
  return names
}
