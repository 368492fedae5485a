const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }

/**
 * Reads a size as `--max-body` takes it: bytes, or a number with `kb`, `mb` or `gb` (1024-based, any
 * case, an optional space). `undefined` when the text is not a size.
 *
 * @example
 * parseByteSize('10mb') // 10485760
 * parseByteSize('512 KB') // 524288
 * parseByteSize('lots') // undefined
 */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b)?\s*$/i.exec(text)
  if (!match) return undefined
  const bytes = Math.floor(Number(match[1]) * UNITS[(match[2] ?? '').toLowerCase()]!)
  return Number.isSafeInteger(bytes) ? bytes : undefined
}

/**
 * A size for people: `10 MB`, `1.5 KB`, `300 B` (1024-based, as {@link parseByteSize} reads them).
 *
 * @example
 * formatByteSize(10 * 1024 * 1024) // '10 MB'
 */
export function formatByteSize(bytes: number): string {
  for (const [unit, size] of [
    ['GB', 1024 ** 3],
    ['MB', 1024 ** 2],
    ['KB', 1024],
  ] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`
  }
  return `${bytes} B`
}
