import type { ExampleInfo } from '@postmock/core'

/** One block of rows of {@link unusedTable}: the never-served examples of one source. */
export interface UnusedGroup {
  label: string
  total: number
  unused: readonly ExampleInfo[]
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  return rows
    .map((row) => `  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd())
    .join('\n')
}

/** The `reportUnused` table: which saved examples no test of this file was answered with. */
export function unusedTable(groups: readonly UnusedGroup[]): string | undefined {
  const relevant = groups.filter((group) => group.unused.length > 0)
  if (!relevant.length) return undefined
  const total = groups.reduce((sum, group) => sum + group.total, 0)
  const count = relevant.reduce((sum, group) => sum + group.unused.length, 0)
  const rows = [['collection', 'request', 'method', 'path', 'code', 'example']]
  for (const group of relevant) {
    for (const e of group.unused) {
      rows.push([
        group.label,
        e.request,
        e.method,
        e.path + (e.query ? `?${e.query}` : ''),
        String(e.code),
        e.name,
      ])
    }
  }
  return `[postmock] ${count} of ${total} examples were never served in this test file:\n${table(rows)}`
}
