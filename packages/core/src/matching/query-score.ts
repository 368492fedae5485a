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
  /** Values captured by `{{var}}` query values in the saved request. */
  captures: Record<string, string> | undefined
}

function valueMatches(saved: string, requestValues: string[], captures: Record<string, string>): boolean {
  const variable = wildcardName(saved)
  if (variable !== undefined && requestValues.length > 0) {
    captures[variable] = requestValues[0]!
    return true
  }
  for (const value of requestValues) {
    if (value === saved) return true
    if (value.includes(',') && value.split(',').includes(saved)) return true
  }
  return false
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
    return { adjustment: emptyBonus, matches: 0, partials: 0, missing: 0, captures: undefined }
  }
  const requestKeys = group(request)
  const savedKeys = group(saved)
  const captures: Record<string, string> = {}
  let matches = 0
  let partials = 0
  let missing = 0
  for (const [key, savedValues] of savedKeys) {
    const requestValues = requestKeys.get(key)
    if (!requestValues) missing++
    else if (savedValues.every((value) => valueMatches(value, requestValues, captures))) matches++
    else partials++
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
    captures: Object.keys(captures).length ? captures : undefined,
  }
}
