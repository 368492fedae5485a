import type { VerifyDifference } from '../glossary.js'
import { childPath, type JsonShape, type JsonType } from './json-shape.js'

/** How {@link compareShapes} reads the two sides. */
export interface ShapeRules {
  allowExtraKeys: boolean
  strictNull: boolean
}

function typeText(types: ReadonlySet<JsonType>): string {
  return [...types].sort().join(' | ')
}

/** The types of a side that take part in the type comparison (`null` goes with anything unless strict). */
function comparedTypes(types: ReadonlySet<JsonType>, strictNull: boolean): Set<JsonType> {
  if (strictNull) return new Set(types)
  return new Set([...types].filter((type) => type !== 'null'))
}

/**
 * Compares the shape of a real answer's JSON with the example's, appending each difference at its
 * JSON path. Two shapes agree on type when they share one (an array whose elements are numbers or
 * strings agrees with one whose elements are numbers); objects must have the same keys (extra ones
 * pass with `allowExtraKeys`); arrays compare their elements' union shapes, and an empty array on
 * either side agrees with any.
 *
 * @example
 * const out: VerifyDifference[] = []
 * compareShapes(shapeOf({ id: 1 }), shapeOf({ id: '1' }), '$', { allowExtraKeys: false, strictNull: false }, out)
 * out[0]?.text // '$.id number → string'
 */
export function compareShapes(
  expected: JsonShape,
  actual: JsonShape,
  path: string,
  rules: ShapeRules,
  out: VerifyDifference[],
): void {
  const wanted = comparedTypes(expected.types, rules.strictNull)
  const got = comparedTypes(actual.types, rules.strictNull)
  if (wanted.size === 0 || got.size === 0) return
  if (![...wanted].some((type) => got.has(type))) {
    const from = typeText(wanted)
    const to = typeText(got)
    out.push({ path, kind: 'type', expected: from, actual: to, text: `${path} ${from} → ${to}` })
    return
  }
  if (wanted.has('object') && got.has('object')) {
    const wantedKeys = expected.keys ?? new Map<string, JsonShape>()
    const gotKeys = actual.keys ?? new Map<string, JsonShape>()
    for (const [key, shape] of wantedKeys) {
      const at = childPath(path, key)
      const other = gotKeys.get(key)
      if (other) compareShapes(shape, other, at, rules, out)
      else
        out.push({
          path: at,
          kind: 'missing',
          expected: typeText(shape.types),
          actual: undefined,
          text: `${at} missing`,
        })
    }
    if (!rules.allowExtraKeys) {
      for (const [key, shape] of gotKeys) {
        if (wantedKeys.has(key)) continue
        const at = childPath(path, key)
        out.push({
          path: at,
          kind: 'unexpected',
          expected: undefined,
          actual: typeText(shape.types),
          text: `${at} unexpected`,
        })
      }
    }
  }
  if (wanted.has('array') && got.has('array') && expected.items && actual.items) {
    compareShapes(expected.items, actual.items, `${path}[*]`, rules, out)
  }
}
