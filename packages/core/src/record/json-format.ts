/** Writing JSON the way a file already spells it: its indent, its line endings, its final newline. */

/** How a JSON text is laid out. */
export interface JsonLayout {
  /** `'\t'`, a number of spaces, or `0` for a single line. */
  indent: string | number
  /** `'\r\n'` or `'\n'`. */
  eol: string
  /** Whether the text ends with a line ending. */
  finalNewline: boolean
}

/**
 * Reads the layout of a JSON text: the indent of its first indented line (a tab, or N spaces;
 * 2 spaces when nothing is indented yet but the text spans lines; none for a one-line text).
 *
 * @example
 * jsonLayoutOf('{\n\t"a": 1\n}') // { indent: '\t', eol: '\n', finalNewline: false }
 */
export function jsonLayoutOf(text: string): JsonLayout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const finalNewline = /\r?\n$/.test(text)
  const indented = /\n([ \t]+)\S/.exec(text)
  let indent: string | number = 2
  if (indented) indent = indented[1]!.startsWith('\t') ? '\t' : indented[1]!.length
  else if (!text.trim().includes('\n')) indent = text.trim() ? 0 : 2
  return { indent, eol, finalNewline }
}

/**
 * Serialises `value` in `layout` (key order as in the value). A file read with `JSON.parse` and
 * written back with its own layout is byte-identical when it was written by a JSON serialiser.
 *
 * @example
 * const text = formatJson(collection, jsonLayoutOf(original))
 */
export function formatJson(value: unknown, layout: JsonLayout): string {
  let text = JSON.stringify(value, null, layout.indent)
  if (layout.eol !== '\n') text = text.replace(/\n/g, layout.eol)
  return layout.finalNewline ? text + layout.eol : text
}
