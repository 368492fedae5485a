import type { ExampleInfo, PostmockWarning } from '@postmock/core'

/** How a request can get this example. */
export type ChosenBy =
  /** Ordinary matching picks it (for the right method, path, query and body). */
  | 'matching'
  /** It ties with an example that wins the tie; `x-mock-response-code: <code>` reaches it. */
  | 'x-mock-response-code'
  /** Not even the code header reaches it: only `x-mock-response-name` or `x-mock-response-id`. */
  | 'name-or-id'

/** One row of the inspect table. */
export interface InspectedExample extends ExampleInfo {
  chosenBy: ChosenBy
  /** The example that wins the tie, when this one loses it. */
  shadowedBy?: { name: string; code: number; id: string | undefined }
}

/** One warning of `inspect`. */
export interface InspectWarning {
  kind: 'duplicate-name' | 'unreachable' | 'unresolved-variable' | 'malformed-example' | 'collection'
  message: string
  /** JSON path(s) in the collection, where known. */
  paths: string[]
}

/** What `inspect` prints. */
export interface Inspection {
  examples: InspectedExample[]
  warnings: InspectWarning[]
  /** Facts worth knowing that are not problems (examples only the code header reaches). */
  notes: string[]
}

function label(example: ExampleInfo): string {
  return `"${example.name}" (${example.code}) of ${example.request}`
}

/** A whole `{{name}}` value, which matches any request value (the name does not matter). */
const WILDCARD_VALUE = /^\{\{[^{}]+\}\}$/

/**
 * A query in a form in which two examples that score the same against every request look the same:
 * pairs sorted, a pair saved twice counted once (each saved value only has to be among the request's),
 * and `{{name}}` values alike. A comma-separated value stays its own: it is matched exactly by a request
 * that sends it, and that beats a comma-split match (core's query score).
 */
function queryKey(query: string): string {
  const pairs = new Set<string>()
  for (const pair of query.split('&')) {
    if (pair === '') continue
    const equals = pair.indexOf('=')
    const value = equals < 0 ? '' : pair.slice(equals + 1)
    pairs.add(WILDCARD_VALUE.test(value) ? `${pair.slice(0, equals)}={{}}` : pair)
  }
  return [...pairs].sort().join('&')
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/**
 * Postman's tie rule (spec §3.8): sort by id, take the first with code 200, else the first. With
 * ids missing, collection order.
 */
function tieOrder(group: ExampleInfo[]): ExampleInfo[] {
  if (!group.every((example) => example.id)) return group
  return [...group].sort((a, b) => (a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0))
}

function tieWinner(group: ExampleInfo[]): ExampleInfo {
  const ordered = tieOrder(group)
  return ordered.find((example) => example.code === 200) ?? ordered[0]!
}

/**
 * Reads the examples list: which examples matching can choose, duplicate names, unresolved path
 * variables and core's load warnings. `bodyOf` gives each example's saved request body key.
 *
 * @example
 * const mock = createPostmanMock(collection)
 * const { examples, warnings } = analyse(mock.examples, mock.warnings, () => '')
 */
export function analyse(
  examples: readonly ExampleInfo[],
  coreWarnings: readonly PostmockWarning[],
  bodyOf: (example: ExampleInfo) => string,
): Inspection {
  const warnings: InspectWarning[] = []
  const notes: string[] = []
  const rows: InspectedExample[] = examples.map((example) => ({ ...example, chosenBy: 'matching' }))
  const rowOf = new Map(examples.map((example, index) => [example, rows[index]!]))

  // Examples that score the same for every request: the tie rule decides, always the same way.
  const groups = new Map<string, ExampleInfo[]>()
  for (const example of examples) {
    push(
      groups,
      `${example.method.toUpperCase()} ${example.path}?${queryKey(example.query)}#${bodyOf(example)}`,
      example,
    )
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue
    const winner = tieWinner(group)
    // The winner of each code's tie, once per code (not once per example: a group may hold thousands).
    const byCode = new Map<number, ExampleInfo[]>()
    for (const example of group) push(byCode, example.code, example)
    const codeWinners = new Map<number, ExampleInfo>()
    for (const [code, sameCode] of byCode) codeWinners.set(code, tieWinner(sameCode))
    for (const example of group) {
      if (example === winner) continue
      const row = rowOf.get(example)!
      row.shadowedBy = { name: winner.name, code: winner.code, id: winner.id }
      const codeWinner = codeWinners.get(example.code)!
      const where = `${example.method} ${example.path}${example.query ? `?${example.query}` : ''}`
      if (codeWinner === example) {
        row.chosenBy = 'x-mock-response-code'
        notes.push(
          `${where}: ${label(example)} is chosen only with x-mock-response-code: ${example.code} (it ties with ${label(winner)}, which wins the tie)`,
        )
      } else {
        row.chosenBy = 'name-or-id'
        warnings.push({
          kind: 'unreachable',
          message: `${where}: ${label(example)} is never chosen by matching, nor by x-mock-response-code (${label(codeWinner)} wins both ties); only x-mock-response-name or x-mock-response-id reach it`,
          paths: [example.location],
        })
      }
    }
  }

  // x-mock-response-name is looked up across the whole collection, after the method filter.
  const byName = new Map<string, ExampleInfo[]>()
  for (const example of examples) push(byName, `${example.method.toUpperCase()} ${example.name}`, example)
  for (const [key, same] of byName) {
    if (same.length < 2) continue
    const method = key.slice(0, key.indexOf(' '))
    const winner = tieWinner(same)
    warnings.push({
      kind: 'duplicate-name',
      message: `${same.length} ${method} examples are named "${same[0]!.name}" (${same.map((example) => `${example.request} ${example.path}`).join(', ')}): x-mock-response-name searches the whole collection, so it answers ${winner.request} ${winner.path} for all of them; rename them or use x-mock-response-id`,
      paths: same.map((example) => example.location),
    })
  }

  // Unresolved variables in paths match any one segment (matchWildcards).
  const seen = new Set<string>()
  for (const example of examples) {
    const names = [...example.path.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)].map((match) => match[1]!)
    const key = `${example.method} ${example.path}`
    if (names.length === 0 || seen.has(key)) continue
    seen.add(key)
    const list = [...new Set(names)].map((name) => `{{${name}}}`).join(', ')
    warnings.push({
      kind: 'unresolved-variable',
      message: `${key} (${example.request}): ${list} ${names.length > 1 ? 'are' : 'is'} defined neither in the collection nor in the environment, so each matches any one path segment; pass --environment or define it if it should be fixed`,
      paths: [example.location],
    })
  }

  for (const warning of coreWarnings) {
    warnings.push({
      kind: warning.code === 'INVALID_EXAMPLE' ? 'malformed-example' : 'collection',
      message: warning.message.replace(/^\[postmock\] /, ''),
      paths: warning.path ? [warning.path] : [],
    })
  }
  return { examples: rows, warnings, notes }
}
