import type { PostmockErrorCode } from '../messages.js'
import type { LoadWarnings } from './load-warnings.js'
import { VariableLimits } from './variable-limits.js'

/** One variable as read from the collection, the environment or the `variables` option. */
export interface VariableEntry {
  name: string
  value: string
  /** The JSON path of its value, for warnings: `variable[0].value`, `environment.values[2].value`, `variables.token`. */
  path: string
  /** The code of its warnings: where it was read. */
  code: Extract<PostmockErrorCode, 'INVALID_COLLECTION' | 'INVALID_ENVIRONMENT' | 'INVALID_OPTION'>
}

/**
 * The variables examples resolve against. A plain object (not a class instance made per load), so
 * the substitution code optimised for one load stays valid for the next.
 */
export interface VariableScope {
  /** Name → value substituted; a variable left out for its size is not here (its tokens stay as written). */
  readonly values: ReadonlyMap<string, string>
  /** Substituted texts, by text: collections repeat the same URLs (`{{baseUrl}}/…`) thousands of times. */
  readonly cache: Map<string, string>
  /** How many characters one substitution may add to a text. */
  readonly budget: number
  /** The variables left out for their size (empty in every collection that has none). */
  readonly leftOut: ReadonlyMap<string, string>
  /** Warns about the limits a substitution reached. */
  readonly limits: VariableLimits
}

/**
 * Builds the scope of a load from its variables, later entries winning (collection < environment <
 * option). A variable that refers to itself (`"a": "{{a}}{{a}}{{a}}"`) so that its expansion would pass
 * the budget is left out, with a warning naming its JSON path when a text uses it.
 *
 * @example
 * const scope = createVariableScope([{ name: 'a', value: '{{a}}{{a}}', path: 'variable[0].value', code: 'INVALID_COLLECTION' }], warnings)
 * scope.values.get('a') // undefined: left out
 */
export function createVariableScope(entries: Iterable<VariableEntry>, warnings: LoadWarnings): VariableScope {
  const values = new Map<string, string>()
  const sources = new Map<string, VariableEntry>()
  for (const entry of entries) {
    sources.set(entry.name, entry)
    values.set(entry.name, entry.value)
  }
  const limits = new VariableLimits(values, sources, warnings)
  return { values, cache: new Map(), budget: limits.budget, leftOut: limits.leftOut, limits }
}
