import { wildcardName } from '../collection/variables.js'

function group(pairs: Array<[string, string]>): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const [key, value] of pairs) {
    const values = map.get(key)
    if (values) values.push(value)
    else map.set(key, [value])
  }
  return map
}

/** The outcome of comparing query parameters (spec §3.6). */
export interface QueryScore {
  adjustment: number
  matches: number
  partials: number
  missing: number
  /**
   * Of the matches, the keys matched only by splitting a comma-separated request value (`?tag=a,b`
   * against a saved `tag=a`): they count as matches, but lose a tie to an exact key=value match.
   */
  commaMatches: number
  /** Values captured by `{{var}}` query values in the saved request. */
  captures: Record<string, string> | undefined
}

const NO_MATCH = 0
const EXACT = 1
const COMMA = 2

/** How a saved value matches the request values of its key: exactly, through a comma split, or not. */
function valueMatch(saved: string, requestValues: string[], captures: Record<string, string>): number {
  const variable = wildcardName(saved)
  if (variable !== undefined && requestValues.length > 0) {
    captures[variable] = requestValues[0]!
    return EXACT
  }
  let found = NO_MATCH
  for (const value of requestValues) {
    if (value === saved) return EXACT
    if (found === NO_MATCH && value.includes(',') && value.split(',').includes(saved)) found = COMMA
  }
  return found
}

/** How every saved value of a key matches: exactly, through a comma split for at least one, or not. */
function keyMatch(savedValues: string[], requestValues: string[], captures: Record<string, string>): number {
  let result = EXACT
  for (const value of savedValues) {
    const match = valueMatch(value, requestValues, captures)
    if (match === NO_MATCH) return NO_MATCH
    if (match === COMMA) result = COMMA
  }
  return result
}

/**
 * Scores query parameters with Postman's formula: +10 when all match, +10 × share of matches when some
 * do, otherwise −(number of missing keys) down to −10. Neither side having parameters counts as all
 * matching (`emptyBonus`, default +10).
 */
export function scoreQuery(
  request: Array<[string, string]>,
  saved: Array<[string, string]>,
  emptyBonus = 10,
): QueryScore {
  if (request.length === 0 && saved.length === 0) {
    return {
      adjustment: emptyBonus,
      matches: 0,
      partials: 0,
      missing: 0,
      commaMatches: 0,
      captures: undefined,
    }
  }
  const requestKeys = group(request)
  const savedKeys = group(saved)
  const captures: Record<string, string> = Object.create(null)
  let matches = 0
  let partials = 0
  let missing = 0
  let commaMatches = 0
  for (const [key, savedValues] of savedKeys) {
    const requestValues = requestKeys.get(key)
    if (!requestValues) {
      missing++
      continue
    }
    const match = keyMatch(savedValues, requestValues, captures)
    if (match === NO_MATCH) partials++
    else matches++
    if (match === COMMA) commaMatches++
  }
  for (const key of requestKeys.keys()) if (!savedKeys.has(key)) missing++
  const total = matches + partials + missing
  let adjustment: number
  if (matches === total) adjustment = 10
  else if (matches > 0) adjustment = (10 * matches) / total
  else adjustment = -Math.min(missing, 10)
  return {
    adjustment,
    matches,
    partials,
    missing,
    commaMatches,
    captures: Object.keys(captures).length ? captures : undefined,
  }
}
