/** A JSON value's type; `integer` and other numbers are both `number`. */
export type JsonType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null'

/**
 * The shape of one JSON value, or of the union of several (an array's elements): the types seen,
 * the keys of the objects among them (each key's shape the union of its values), and the shape of the
 * arrays' elements (`undefined` when every array seen was empty). Values are not kept.
 */
export interface JsonShape {
  types: Set<JsonType>
  keys: Map<string, JsonShape> | undefined
  items: JsonShape | undefined
}

/**
 * Deeper nesting than this is not compared (the shape stops there as `object`/`array` with no keys),
 * so a hostile body cannot exhaust the stack.
 */
export const MAX_SHAPE_DEPTH = 64

/** The JSON type of a parsed value. */
export function jsonType(value: unknown): JsonType {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  const type = typeof value
  return type === 'object' || type === 'string' || type === 'number' || type === 'boolean' ? type : 'null'
}

function emptyShape(): JsonShape {
  return { types: new Set(), keys: undefined, items: undefined }
}

/** Adds one value to a shape (the union grows). */
function addValue(shape: JsonShape, value: unknown, depth: number): void {
  const type = jsonType(value)
  shape.types.add(type)
  if (depth >= MAX_SHAPE_DEPTH) return
  if (type === 'object') {
    shape.keys ??= new Map()
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      let keyShape = shape.keys.get(key)
      if (!keyShape) {
        keyShape = emptyShape()
        shape.keys.set(key, keyShape)
      }
      addValue(keyShape, child, depth + 1)
    }
  } else if (type === 'array') {
    for (const element of value as unknown[]) {
      shape.items ??= emptyShape()
      addValue(shape.items, element, depth + 1)
    }
  }
}

/**
 * The shape of a parsed JSON value. An array's elements make one shape, their union: an object key
 * is in it when any element has it, a type when any element has it.
 *
 * @example
 * shapeOf({ users: [{ id: 1 }, { id: 2, email: 'a@b.c' }] })
 * // users: array of { id: number, email: string }
 */
export function shapeOf(value: unknown): JsonShape {
  const shape = emptyShape()
  addValue(shape, value, 0)
  return shape
}

/** `a_b1` and `$x` read as `.key`; other keys as `['key']`. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/**
 * The JSON path of a key under `parent`.
 *
 * @example
 * childPath('$', 'email') // '$.email'
 * childPath('$', 'first name') // "$['first name']"
 */
export function childPath(parent: string, key: string): string {
  if (IDENTIFIER.test(key)) return `${parent}.${key}`
  return `${parent}['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`
}
