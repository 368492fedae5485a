import type { RawBody, RawKeyValue } from './raw-types.js'
import { variableText } from './value-text.js'
import type { VariableScope } from './variable-scope.js'
import { substitute } from './variables.js'

/** The saved request body of an example, normalised for comparison (spec §3.7). */
export type ExampleBody =
  | { kind: 'none' }
  | { kind: 'text'; text: string }
  | { kind: 'form'; pairs: Array<[string, string]> }
  | { kind: 'graphql'; query: string; variables: unknown; operationName: string | undefined }
  /** formdata and file bodies never match (they cannot be compared offline). */
  | { kind: 'never' }

/** Shared by every saved request without a body (never changed by anyone). */
const NO_BODY: ExampleBody = Object.freeze({ kind: 'none' })

/** Parses JSON, or returns `undefined` when the text is not JSON. */
export function tryParseJson(text: string): unknown | undefined {
  const trimmed = text.trim()
  if (!trimmed) return undefined
  const first = trimmed[0]
  if (first !== '{' && first !== '[' && first !== '"' && !/^(-?\d|true|false|null)/.test(trimmed))
    return undefined
  try {
    return JSON.parse(trimmed)
  } catch {
    return undefined
  }
}

function graphqlVariables(variables: unknown, scope: VariableScope): unknown {
  if (variables === undefined || variables === null || variables === '') return {}
  if (typeof variables === 'string') return tryParseJson(substitute(variables, scope)) ?? {}
  return variables
}

/** Reads `originalRequest.body` with variables substituted. */
export function readBody(body: RawBody | null | undefined, scope: VariableScope): ExampleBody {
  if (!body || typeof body !== 'object' || body.disabled === true) return NO_BODY
  switch (body.mode) {
    case 'raw': {
      const text = substitute(typeof body.raw === 'string' ? body.raw : '', scope)
      if (!text) return NO_BODY
      return { kind: 'text', text }
    }
    case 'urlencoded': {
      const pairs: Array<[string, string]> = []
      const list: unknown = body.urlencoded
      for (const entry of Array.isArray(list) ? (list as Array<RawKeyValue | null>) : []) {
        if (!entry || typeof entry.key !== 'string' || entry.disabled === true) continue
        pairs.push([substitute(entry.key, scope), substitute(variableText(entry.value), scope)])
      }
      return pairs.length ? { kind: 'form', pairs } : NO_BODY
    }
    case 'graphql': {
      const graphql: NonNullable<RawBody['graphql']> =
        body.graphql !== null && typeof body.graphql === 'object' ? body.graphql : {}
      return {
        kind: 'graphql',
        query: substitute(typeof graphql.query === 'string' ? graphql.query : '', scope),
        variables: graphqlVariables(graphql.variables, scope),
        operationName: typeof graphql.operationName === 'string' ? graphql.operationName : undefined,
      }
    }
    case 'formdata':
    case 'file':
      return { kind: 'never' }
    default:
      return NO_BODY
  }
}
