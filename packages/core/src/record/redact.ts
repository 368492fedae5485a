/** Secrets never land in a collection: header, query and JSON body values become `{{redacted}}`. */
import { tryParseJson } from '../collection/body.js'
import { jsonLayoutOf } from './json-format.js'
import type { RedactOptions } from './types.js'

/** The value that replaces a secret. */
export const REDACTED = '{{redacted}}'

/** Headers redacted whatever the options say (lower case). */
export const SECRET_HEADERS: readonly string[] = [
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'proxy-authorization',
]

/** Query parameters redacted whatever the options say. */
export const SECRET_QUERY_KEYS: readonly string[] = ['apikey', 'api_key', 'access_token']

/** One step of a JSON path. */
type Step =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  | { kind: 'any' }
  | { kind: 'deep'; key: string }

/** The redaction rules, ready to apply. */
export interface Redactor {
  header(name: string): boolean
  query(key: string): boolean
  /** The body with the JSON paths redacted (re-serialised in its own layout), or the body unchanged. */
  body(text: string): string
}

/** Parses `$.a.b[0]['c d'][*]..e` (a leading `$` is optional) into steps; `undefined` when malformed. */
export function parseJsonPath(path: string): Step[] | undefined {
  let rest = path.trim()
  if (rest.startsWith('$')) rest = rest.slice(1)
  else if (rest && !rest.startsWith('.') && !rest.startsWith('[')) rest = `.${rest}`
  const steps: Step[] = []
  const pattern =
    /^(?:\.\.([^.[\]]+)|\.\*|\.([^.[\]]+)|\[\*\]|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\])/
  while (rest) {
    const match = pattern.exec(rest)
    if (!match) return undefined
    const [all, deep, key, index, single, double] = match
    if (deep !== undefined) steps.push({ kind: 'deep', key: deep })
    else if (key !== undefined) steps.push({ kind: 'key', key })
    else if (index !== undefined) steps.push({ kind: 'index', index: Number(index) })
    else if (single !== undefined || double !== undefined)
      steps.push({ kind: 'key', key: (single ?? double)!.replace(/\\(.)/g, '$1') })
    else steps.push({ kind: 'any' })
    rest = rest.slice(all.length)
  }
  return steps.length ? steps : undefined
}

type Container = Record<string, unknown> | unknown[]

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null
}

function childKeys(node: Container): Array<string | number> {
  return Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node)
}

/** Redacts what `steps[i..]` reaches below `node`; whether anything changed. */
function redactAt(node: unknown, steps: readonly Step[], i: number): boolean {
  if (!isContainer(node)) return false
  const step = steps[i]!
  const last = i === steps.length - 1
  const visit = (key: string | number): boolean => {
    const record = node as Record<string | number, unknown>
    if (!Object.hasOwn(record, key)) return false
    if (!last) return redactAt(record[key], steps, i + 1)
    if (record[key] === REDACTED) return false
    record[key] = REDACTED
    return true
  }
  if (step.kind === 'key') return !Array.isArray(node) && visit(step.key)
  if (step.kind === 'index') return Array.isArray(node) && visit(step.index)
  let changed = false
  if (step.kind === 'any') {
    for (const key of childKeys(node)) changed = visit(key) || changed
    return changed
  }
  // `..key`: the key here, then the same step in every child.
  if (!Array.isArray(node)) changed = visit(step.key)
  for (const key of childKeys(node)) {
    const child = (node as Record<string | number, unknown>)[key]
    changed = redactAt(child, steps, i) || changed
  }
  return changed
}

/**
 * The redaction rules: the defaults plus `options`. Throws a `[postmock]`-ready message (via
 * `onBadPath`) naming a JSON path that cannot be read.
 *
 * @example
 * const redactor = createRedactor({ jsonPaths: ['$.token'] })
 * redactor.body('{"token":"abc"}') // '{"token":"{{redacted}}"}'
 */
export function createRedactor(options: RedactOptions = {}, onBadPath?: (path: string) => never): Redactor {
  const headers = new Set([...SECRET_HEADERS, ...(options.headers ?? []).map((name) => name.toLowerCase())])
  const query = new Set([...SECRET_QUERY_KEYS, ...(options.query ?? [])])
  const paths = (options.jsonPaths ?? []).map((path) => {
    const steps = parseJsonPath(path)
    if (!steps) {
      if (onBadPath) onBadPath(path)
      throw new Error(`redact.jsonPaths: cannot read the JSON path ${JSON.stringify(path)}`)
    }
    return steps
  })
  return {
    header: (name) => headers.has(name.toLowerCase()),
    query: (key) => query.has(key),
    body: (text) => {
      if (!paths.length) return text
      const value = tryParseJson(text)
      if (!isContainer(value)) return text
      let changed = false
      for (const steps of paths) changed = redactAt(value, steps, 0) || changed
      if (!changed) return text
      const { indent } = jsonLayoutOf(text)
      return JSON.stringify(value, null, indent)
    },
  }
}
