import { wildcardName } from '../collection/variables.js'
import { similarPaths } from './document-distance.js'
import { isIdSegment } from './id-segment.js'

/** The path steps of Postman's matching table (spec §3.5), best first, with their adjustments. */
export const PATH_STEPS = {
  exact: 0,
  'trailing-slash': -5,
  'case-insensitive': -10,
  'trailing-slash-case-insensitive': -15,
  wildcard: -20,
  'ids-removed': -21,
  'trailing-slash-ids-removed': -25,
  'document-distance': -30,
} as const

export type PathStep = keyof typeof PATH_STEPS

/** What an ID segment becomes in the ID-stripped forms. */
const ID_MARK = '\u0000'

/** Removes trailing slashes (`/users//` → `/users`), keeping the root `/`. */
export function stripTrailingSlashes(path: string): string {
  let end = path.length
  while (end > 1 && path.charCodeAt(end - 1) === 47) end--
  return end === path.length ? path : path.slice(0, end)
}

/**
 * Replaces ID segments by a mark. A segment that is no ID but starts with the mark's character (a saved
 * or requested `%00`) gets one more in front, so only an ID ever becomes the bare mark: `/users/%00`
 * never equals `/users/42` once IDs are removed.
 */
export function stripIds(path: string): string {
  const segments = path.split('/')
  let changed = false
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i]!
    if (!segment) continue
    if (isIdSegment(segment)) segments[i] = ID_MARK
    else if (segment.charCodeAt(0) === 0) segments[i] = ID_MARK + segment
    else continue
    changed = true
  }
  return changed ? segments.join('/') : path
}

/** Path segments after the leading slash (`/a/b/` → `['a', 'b', '']`). */
export function segmentsOf(path: string): string[] {
  return path.slice(1).split('/')
}

/** A saved path with `{{var}}` segments, ready for the wildcard step. */
export interface WildcardPath {
  segments: string[]
  /** Variable name at each wildcard position, `undefined` elsewhere. */
  names: Array<string | undefined>
}

/** Returns the wildcard form of a path, or `undefined` when no whole segment is an unresolved `{{var}}`. */
export function wildcardPath(path: string): WildcardPath | undefined {
  const segments = segmentsOf(path)
  let names: Array<string | undefined> | undefined
  for (let i = 0; i < segments.length; i++) {
    const name = wildcardName(segments[i]!)
    if (name === undefined) continue
    names ??= new Array<string | undefined>(segments.length).fill(undefined)
    names[i] = name
  }
  return names ? { segments, names } : undefined
}

function matchWildcards(
  requestSegments: string[],
  pattern: WildcardPath,
): Record<string, string> | undefined {
  if (requestSegments.length !== pattern.segments.length) return undefined
  // No prototype: a wildcard may be named `{{__proto__}}` or `{{constructor}}`.
  const captures: Record<string, string> = Object.create(null)
  for (let i = 0; i < requestSegments.length; i++) {
    const name = pattern.names[i]
    const segment = requestSegments[i]!
    if (name !== undefined) {
      if (!segment) return undefined
      captures[name] = segment
    } else if (segment !== pattern.segments[i]) return undefined
  }
  return captures
}

/** Upper-case ASCII, or any non-ASCII character (which may have a lower case). */
const UPPER = /[A-Z\u0080-\uffff]/

/** Every form of a path the steps compare, computed once per example (at load) and once per request. */
export interface PathForms {
  path: string
  stripped: string
  lower: string
  strippedLower: string
  idsLower: string
  strippedIdsLower: string
  segments: string[]
}

/** Computes the {@link PathForms} of a path. */
export function pathForms(path: string): PathForms {
  const stripped = stripTrailingSlashes(path)
  const lower = UPPER.test(path) ? path.toLowerCase() : path
  const idsLower = stripIds(lower)
  return {
    path,
    stripped,
    lower,
    strippedLower: stripped === path ? lower : stripped.toLowerCase(),
    idsLower,
    // Trailing slashes leave empty segments, which are never IDs: stripping before or after is the same.
    strippedIdsLower: stripTrailingSlashes(idsLower),
    segments: segmentsOf(path),
  }
}

/** What the path comparison found for one example. */
export interface PathMatch {
  step: PathStep
  captures: Record<string, string> | undefined
}

/**
 * Compares an incoming path with a saved one, trying Postman's steps in order and stopping at the first
 * that matches; `undefined` when none does (the example is dropped).
 */
export function comparePaths(
  request: PathForms,
  saved: PathForms,
  pattern: WildcardPath | undefined,
  matchWildcardSegments: boolean,
): PathMatch | undefined {
  if (request.path === saved.path) return { step: 'exact', captures: undefined }
  if (request.stripped === saved.stripped) return { step: 'trailing-slash', captures: undefined }
  if (request.lower === saved.lower) return { step: 'case-insensitive', captures: undefined }
  if (request.strippedLower === saved.strippedLower)
    return { step: 'trailing-slash-case-insensitive', captures: undefined }
  if (pattern && matchWildcardSegments) {
    const captures = matchWildcards(request.segments, pattern)
    if (captures) return { step: 'wildcard', captures }
  }
  if (
    (request.idsLower !== request.lower || saved.idsLower !== saved.lower) &&
    request.idsLower === saved.idsLower
  ) {
    return { step: 'ids-removed', captures: undefined }
  }
  if (request.strippedIdsLower === saved.strippedIdsLower)
    return { step: 'trailing-slash-ids-removed', captures: undefined }
  if (similarPaths(request, saved)) return { step: 'document-distance', captures: undefined }
  return undefined
}
