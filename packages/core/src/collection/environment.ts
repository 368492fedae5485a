import { postmockError } from '../messages.js'
import type { PostmanEnvironment } from '../mock/types.js'
import { parseJsonText } from './read-collection.js'
import { variableText } from './variables.js'

/**
 * Reads the enabled values of an environment export (or the Postman API's `{ environment }` wrapper).
 * Disabled values are ignored, as the mock ignores them.
 */
export function readEnvironment(input: PostmanEnvironment | string): Array<[string, string]> {
  const value = typeof input === 'string' ? parseJsonText(input, 'environment') : input
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw postmockError(
      'INVALID_ENVIRONMENT',
      'read the environment',
      `option "environment": expected an environment export object, got ${value === null ? 'null' : typeof value}`,
      'Export the environment from Postman and pass it parsed, as JSON text, or (in Node) as a file path',
      'environment',
    )
  }
  const env = value as PostmanEnvironment
  if (env.environment && typeof env.environment === 'object') return readEnvironment(env.environment)
  if (!Array.isArray(env.values)) {
    throw postmockError(
      'INVALID_ENVIRONMENT',
      'read the environment',
      'environment.values: expected an array of { key, value, enabled }',
      'Check that the file is a Postman environment export, not a collection',
      'environment.values',
    )
  }
  const pairs: Array<[string, string]> = []
  env.values.forEach((entry, index) => {
    if (!entry || typeof entry.key !== 'string') {
      throw postmockError(
        'INVALID_ENVIRONMENT',
        'read the environment',
        `environment.values[${index}].key: expected a string`,
        'Fix or remove that value in the environment',
        `values[${index}].key`,
      )
    }
    if (entry.enabled === false) return
    pairs.push([entry.key, variableText(entry.value)])
  })
  return pairs
}
