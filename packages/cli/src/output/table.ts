import type { Palette } from './colours.js'

/** Strips ANSI escapes, to measure what a cell shows. */
function visibleLength(text: string): number {
  return text.replace(/\u001b\[[0-9;]*m/g, '').length
}

/**
 * Renders rows under a header. On a terminal (colour on) the columns are padded and the header is
 * bold; otherwise each row is its cells joined by tabs, so `cut -f` and `grep` work on it.
 */
export function renderTable(header: string[], rows: string[][], colours: Palette): string[] {
  if (!colours.enabled) return [header, ...rows].map((cells) => cells.join('\t'))
  const widths = header.map((title, column) =>
    Math.max(visibleLength(title), ...rows.map((row) => visibleLength(row[column] ?? ''))),
  )
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - visibleLength(cell)),
      )
      .join('  ')
      .trimEnd()
  return [colours.bold(line(header)), ...rows.map(line)]
}
