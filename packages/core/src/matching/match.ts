import type { Example } from '../collection/example.js'
import type { TieBreak } from '../glossary.js'
import { bodyMatches, bothHaveBodies } from './body-match.js'
import type { ExampleIndex } from './example-index.js'
import { headerMismatch, headerNames } from './header-match.js'
import type { IncomingRequest } from './incoming.js'
import { comparePaths, PATH_STEPS, type PathStep } from './path-steps.js'
import { type QueryScore, scoreQuery } from './query-score.js'
import { breakTie } from './tie-break.js'

/** The matching options of one mock (Postman's mock `config`). */
export interface MatchSettings {
  matchQueryParams: boolean
  matchWildcards: boolean
  matchBody: boolean
  matchHeaders: readonly string[]
  tieBreak: TieBreak
  /** Where `x-mock-response-name` looks: the whole method (Postman) or only examples whose path matches. */
  nameScope: 'collection' | 'request'
}

/** A choice made before scoring, by `x-mock-response-*` headers or a `use()` override. */
export interface Selector {
  code?: number
  id?: string
  name?: string
  /** Restrict the candidates to these examples (an override scoped to one request). */
  within?: ReadonlySet<Example>
  via: 'header' | 'override'
}

/** One example's evaluation. */
export interface Evaluation {
  example: Example
  score: number | undefined
  step: PathStep | undefined
  query: QueryScore | undefined
  bodyBonus: boolean
  captures: Record<string, string>
  /** Why the example was dropped; `undefined` while it is still in the running. */
  dropped: string | undefined
}

/** The matcher's answer. */
export type MatchOutcome =
  | {
      kind: 'matched'
      example: Example
      score: number | undefined
      step: PathStep | undefined
      captures: Record<string, string>
      via: 'score' | 'x-mock-response-id' | 'x-mock-response-name'
    }
  | { kind: 'not-found'; reason: string }

/** The highest score an example found by the document-distance step can reach (70 + 10 query + 5 body). */
const DISTANCE_CEILING = 100 + PATH_STEPS['document-distance'] + 10 + 5

function bodyFilterOn(incoming: IncomingRequest, settings: MatchSettings): boolean {
  const header = incoming.headers.get('x-mock-match-request-body')?.trim().toLowerCase()
  if (header === 'true') return true
  if (header === 'false') return false
  return settings.matchBody
}

function headerFilter(incoming: IncomingRequest, settings: MatchSettings): string[] {
  const header = incoming.headers.get('x-mock-match-request-headers')
  return header !== null ? headerNames(header) : headerNames(settings.matchHeaders)
}

/** Scores one example against the request (path step, query, header and body filters, body bonus). */
export function evaluate(
  example: Example,
  incoming: IncomingRequest,
  index: ExampleIndex,
  settings: MatchSettings,
  filters: { headers: string[]; body: boolean },
): Evaluation {
  const evaluation: Evaluation = {
    example,
    score: undefined,
    step: undefined,
    query: undefined,
    bodyBonus: false,
    captures: Object.create(null),
    dropped: undefined,
  }
  const path = comparePaths(
    incoming.forms,
    index.forms(example),
    index.pattern(example),
    settings.matchWildcards,
  )
  if (!path) {
    evaluation.dropped = `path ${example.path} does not match ${incoming.path}`
    return evaluation
  }
  evaluation.step = path.step
  let score = 100 + PATH_STEPS[path.step]
  if (path.captures) Object.assign(evaluation.captures, path.captures)
  if (settings.matchQueryParams) {
    const query = scoreQuery(incoming.query, example.query)
    evaluation.query = query
    score += query.adjustment
    if (query.captures) Object.assign(evaluation.captures, query.captures)
  }
  evaluation.score = score
  if (filters.headers.length) {
    const mismatch = headerMismatch(incoming.headers, example, filters.headers)
    if (mismatch) {
      evaluation.dropped = `header filter: ${mismatch}`
      return evaluation
    }
  }
  if (filters.body) {
    if (!bodyMatches(incoming, example.body, example.contentType))
      evaluation.dropped = 'body filter: the request body differs from the saved one'
  } else if (
    bothHaveBodies(incoming, example.body) &&
    bodyMatches(incoming, example.body, example.contentType)
  ) {
    evaluation.bodyBonus = true
    evaluation.score = score + 5
  }
  return evaluation
}

function applySelector(examples: readonly Example[], selector: Selector | undefined): Example[] {
  let list = examples as Example[]
  if (selector?.within) list = list.filter((example) => selector.within!.has(example))
  if (selector?.code !== undefined) list = list.filter((example) => example.response.code === selector.code)
  return list
}

/**
 * Keys of an evaluation's query matched only through a comma split (0 when the query was not scored).
 *
 * @example
 * commaMatchesOf(evaluate(example, incoming, index, settings, filters)) // 1 for `?tag=a,b` against a saved `tag=a`
 */
export function commaMatchesOf(evaluation: Evaluation): number {
  return evaluation.query?.commaMatches ?? 0
}

/**
 * The highest score and the examples that reach it. Among those, an example whose query matched
 * exactly outranks one that matched only by splitting a comma-separated value (fewer such keys first);
 * the tie rule decides what is still level.
 */
function bestOf(evaluations: Evaluation[]): { best: number; tied: Example[] } {
  let best = Number.NEGATIVE_INFINITY
  let fewestCommas = 0
  let tied: Example[] = []
  for (const evaluation of evaluations) {
    if (evaluation.dropped !== undefined || evaluation.score === undefined) continue
    const commas = commaMatchesOf(evaluation)
    if (evaluation.score > best || (evaluation.score === best && commas < fewestCommas)) {
      best = evaluation.score
      fewestCommas = commas
      tied = [evaluation.example]
    } else if (evaluation.score === best && commas === fewestCommas) tied.push(evaluation.example)
  }
  return { best, tied }
}

function describeSelector(selector: Selector): string {
  const parts: string[] = []
  if (selector.code !== undefined) parts.push(`code ${selector.code}`)
  if (selector.id !== undefined) parts.push(`id "${selector.id}"`)
  if (selector.name !== undefined) parts.push(`name "${selector.name}"`)
  return parts.join(', ')
}

/**
 * Chooses the example that answers a request, following Postman's pipeline (spec §3): method, then the
 * code/id/name selection, then path and query scores, header and body filters, and the tie rule.
 * A pure function of (index, request, settings, selector).
 */
export function match(
  index: ExampleIndex,
  incoming: IncomingRequest,
  settings: MatchSettings,
  selector?: Selector,
): MatchOutcome {
  const group = index.method(incoming.method)
  if (!group) return { kind: 'not-found', reason: `no example is saved with method ${incoming.method}` }

  if (selector?.id !== undefined || selector?.name !== undefined) {
    const candidates = applySelector(group.all, selector)
    if (selector.id !== undefined) {
      const found = candidates.find((e) => e.info.uid === selector.id || e.info.id === selector.id)
      if (!found)
        return {
          kind: 'not-found',
          reason: `no ${incoming.method} example has ${describeSelector(selector)}`,
        }
      return {
        kind: 'matched',
        example: found,
        score: undefined,
        step: undefined,
        captures: Object.create(null),
        via: 'x-mock-response-id',
      }
    }
    const named = candidates.filter(
      (e) =>
        e.info.name === selector.name &&
        (settings.nameScope === 'collection' ||
          comparePaths(incoming.forms, index.forms(e), index.pattern(e), settings.matchWildcards) !==
            undefined),
    )
    if (!named.length)
      return { kind: 'not-found', reason: `no ${incoming.method} example has ${describeSelector(selector)}` }
    const example = breakTie(named, settings.tieBreak)
    const captures = evaluate(example, incoming, index, settings, { headers: [], body: false }).captures
    return {
      kind: 'matched',
      example,
      score: undefined,
      step: undefined,
      captures,
      via: 'x-mock-response-name',
    }
  }

  const filters = { headers: headerFilter(incoming, settings), body: bodyFilterOn(incoming, settings) }
  const seen = new Set<Example>()
  const evaluations: Evaluation[] = []
  const score = (examples: readonly Example[] | undefined) => {
    if (!examples) return
    for (const example of applySelector(examples, selector)) {
      if (seen.has(example)) continue
      seen.add(example)
      evaluations.push(evaluate(example, incoming, index, settings, filters))
    }
  }
  const { forms } = incoming
  const segmentCount = forms.segments.length
  score(group.byShape.get(forms.strippedIdsLower))
  // Only the examples whose wildcard form fits: the others can match by no step the other buckets miss.
  if (settings.matchWildcards && group.wildcards) score(group.wildcards.find(forms.segments))
  let { best, tied } = bestOf(evaluations)
  if (best <= DISTANCE_CEILING) {
    score(group.bySegmentCount.get(segmentCount))
    ;({ best, tied } = bestOf(evaluations))
  }
  if (!tied.length) {
    const filtered = evaluations.find((e) => e.dropped !== undefined && e.score !== undefined)
    const reason = filtered
      ? `every example on this path was removed by a filter (${filtered.dropped})`
      : selector?.code !== undefined
        ? `no ${incoming.method} example with ${describeSelector(selector)} matches ${incoming.path}`
        : `no ${incoming.method} example matches the path ${incoming.path}`
    return { kind: 'not-found', reason }
  }
  const example = breakTie(tied, settings.tieBreak)
  const winner = evaluations.find((e) => e.example === example)!
  return { kind: 'matched', example, score: best, step: winner.step, captures: winner.captures, via: 'score' }
}

/** Evaluates every example of the request's method (for `explain()`), in no particular order. */
export function evaluateAll(
  index: ExampleIndex,
  incoming: IncomingRequest,
  settings: MatchSettings,
  selector?: Selector,
): Evaluation[] {
  const filters = { headers: headerFilter(incoming, settings), body: bodyFilterOn(incoming, settings) }
  const group = index.method(incoming.method)
  if (!group) return []
  const selected = new Set(applySelector(group.all, selector))
  return group.all.map((example) => {
    const evaluation = evaluate(example, incoming, index, settings, filters)
    if (!selected.has(example) && evaluation.dropped === undefined) {
      evaluation.dropped =
        selector?.within?.has(example) === false
          ? 'outside the request chosen by use()'
          : `code ${example.response.code} is not the requested ${selector?.code}`
    }
    return evaluation
  })
}
