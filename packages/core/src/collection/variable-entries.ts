import type { RawKeyValue } from './raw-types.js'
import { variableText } from './value-text.js'
import type { VariableEntry } from './variable-scope.js'

/**
 * The enabled entries of a collection's variable list (`variable`, or v1's `variables`), each with the
 * JSON path of its value.
 *
 * @example
 * collectionVariables([{ key: 'baseUrl', value: 'https://api.example.com' }], 'variable')
 * // [{ name: 'baseUrl', value: 'https://api.example.com', path: 'variable[0].value', code: 'INVALID_COLLECTION' }]
 */
export function collectionVariables(list: unknown, path: string): VariableEntry[] {
  const entries: VariableEntry[] = []
  if (!Array.isArray(list)) return entries
  list.forEach((entry: RawKeyValue | null, index) => {
    if (!entry || typeof entry !== 'object') return
    const key = typeof entry.key === 'string' ? entry.key : (entry as { id?: unknown }).id
    if (typeof key !== 'string' || entry.disabled === true || entry.enabled === false) return
    entries.push({
      name: key,
      value: variableText(entry.value),
      path: `${path}[${index}].value`,
      code: 'INVALID_COLLECTION',
    })
  })
  return entries
}

/**
 * The `variables` option's values, each named by its option path (`variables.token`).
 *
 * @example
 * optionVariables({ token: 'abc' }) // [{ name: 'token', value: 'abc', path: 'variables.token', code: 'INVALID_OPTION' }]
 */
export function optionVariables(values: Record<string, unknown> | undefined): VariableEntry[] {
  if (values === null || typeof values !== 'object') return []
  return Object.entries(values).map(([name, value]) => ({
    name,
    value: variableText(value),
    path: `variables.${name}`,
    code: 'INVALID_OPTION',
  }))
}
