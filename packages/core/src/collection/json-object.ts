/**
 * Whether a JSON value is an object with fields (not `null`, not an array).
 *
 * @example
 * isJsonObject({}) // true
 * isJsonObject([]) // false
 */
export function isJsonObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
