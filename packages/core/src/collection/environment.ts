import type { PostmanEnvironment } from '../glossary.js'
import { postmockError } from '../messages.js'
import { isJsonObject } from './json-object.js'
import { parseJsonText } from './read-collection.js'
import { describeValue, variableText } from './value-text.js'
import type { VariableEntry } from './variable-scope.js'

/**
 * Reads the enabled values of an environment export (or the Postman API's `{ environment }` wrapper).
 * Disabled values are ignored, as the mock ignores them.
 *
 * @example
 * readEnvironment({ values: [{ key: 'baseUrl', value: 'https://api.example.com', enabled: true }] })
 * // [{ name: 'baseUrl', value: 'https://api.example.com', path: 'environment.values[0].value', … }]
 */
export function readEnvironment(input: PostmanEnvironment | string): VariableEntry[] {
  let value: unknown = typeof input === 'string' ? parseJsonText(input, 'environment') : input
  const wrapped = isJsonObject(value) ? (value as { environment?: unknown }).environment : undefined
  if (isJsonObject(wrapped)) value = wrapped
  if (!isJsonObject(value)) {
    throw postmockError(
      'INVALID_ENVIRONMENT',
      'read the environment',
      `option "environment": expected an environment export object, got ${describeValue(value)}`,
      'Export the environment from Postman and pass it parsed, as JSON text, or (in Node) as a file path',
      'environment',
    )
  }
  const { values } = value as { values?: unknown }
  if (!Array.isArray(values)) {
    throw postmockError(
      'INVALID_ENVIRONMENT',
      'read the environment',
      'environment.values: expected an array of { key, value, enabled }',
      'Check that the file is a Postman environment export, not a collection',
      'environment.values',
    )
  }
  const entries: VariableEntry[] = []
  values.forEach((entry: { key?: unknown; value?: unknown; enabled?: unknown } | null, index) => {
    if (!entry || typeof entry !== 'object' || typeof entry.key !== 'string') {
      throw postmockError(
        'INVALID_ENVIRONMENT',
        'read the environment',
        `environment.values[${index}].key: expected a string`,
        'Fix or remove that value in the environment',
        `values[${index}].key`,
      )
    }
    if (entry.enabled === false) return
    entries.push({
      name: entry.key,
      value: variableText(entry.value),
      path: `environment.values[${index}].value`,
      code: 'INVALID_ENVIRONMENT',
    })
  })
  return entries
}
