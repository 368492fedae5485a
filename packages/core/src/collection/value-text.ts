/**
 * How JSON values of any shape read as text, without ever calling a value's own `toString` (a parsed
 * object may hold `{"toString": 1}`, and a built one may be cyclic).
 */

/**
 * A value as a warning shows it: `"abc"`, `number 42`, `an object`, `an array`, `null`, `nothing`.
 *
 * @example
 * describeValue({ toString: 1 }) // 'an object'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'object' || typeof value === 'function') return 'an object'
  if (typeof value === 'symbol') return 'a symbol'
  return `${typeof value} ${String(value)}`
}

/**
 * The text of a name: strings as they are, numbers and booleans as written, anything else `undefined`
 * (an object or an array is not a name).
 *
 * @example
 * nameText(42) // '42'
 * nameText({ toString: 1 }) // undefined
 */
export function nameText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}

/**
 * The text Postman substitutes for a variable's value (any JSON type): strings as they are, objects as
 * JSON, `null` as nothing. A value JSON cannot write (a cyclic object) is nothing too.
 *
 * @example
 * variableText({ a: 1 }) // '{"a":1}'
 */
export function variableText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value) ?? ''
    } catch {
      return ''
    }
  }
  if (typeof value === 'symbol' || typeof value === 'function') return ''
  return String(value)
}
