import type { Example } from '../collection/example.js'
import type { CandidateExplanation, Explanation } from '../glossary.js'
import { closeness } from '../matching/document-distance.js'
import type { IncomingRequest } from '../matching/incoming.js'
import {
  commaMatchesOf,
  type Evaluation,
  evaluateAll,
  type MatchOutcome,
  type Selector,
} from '../matching/match.js'
import { comparePaths, type PathForms } from '../matching/path-steps.js'
import { formatMessage } from '../messages.js'
import type { Site } from './site.js'

const STEP_WORDS: Record<string, string> = {
  exact: 'exact path',
  'trailing-slash': 'path equal but for a trailing slash (−5)',
  'case-insensitive': 'path equal ignoring case (−10)',
  'trailing-slash-case-insensitive': 'path equal ignoring case and trailing slash (−15)',
  wildcard: 'path matched through {{variable}} wildcards (−20)',
  'ids-removed': 'path equal once IDs are ignored (−21)',
  'trailing-slash-ids-removed': 'path equal once IDs and trailing slash are ignored (−25)',
  'document-distance': 'path similar by document distance (−30)',
}

/** Where a request's path departs from a saved one (each path split once, not once per example). */
function pathDifference(request: PathForms, saved: PathForms): string {
  const a = request.segments
  const b = saved.segments
  if (a.length !== b.length) return `path has ${a.length} segment(s), saved ${saved.path} has ${b.length}`
  const i = a.findIndex((segment, n) => segment !== b[n])
  return `path segment ${i + 1} is "${a[i]}", saved ${saved.path} has "${b[i]}"`
}

function queryWords(incoming: IncomingRequest, example: Example): string {
  const requestKeys = new Set(incoming.query.map(([k]) => k))
  const savedKeys = new Set(example.query.map(([k]) => k))
  const missing = [...savedKeys].filter((k) => !requestKeys.has(k))
  const extra = [...requestKeys].filter((k) => !savedKeys.has(k))
  const parts: string[] = []
  if (missing.length) parts.push(`missing query key ${missing.join(', ')}`)
  if (extra.length) parts.push(`query key ${extra.join(', ')} not saved`)
  return parts.join('; ')
}

function scoreWords(evaluation: Evaluation, incoming: IncomingRequest): string {
  const parts = [STEP_WORDS[evaluation.step ?? ''] ?? '']
  const query = evaluation.query
  if (query) {
    const sign = query.adjustment >= 0 ? '+' : ''
    parts.push(`query ${sign}${Math.round(query.adjustment * 100) / 100}`)
    const words = queryWords(incoming, evaluation.example)
    if (words) parts.push(words)
  }
  if (evaluation.bodyBonus) parts.push('body equal (+5)')
  return parts.filter(Boolean).join(', ')
}

function rank(evaluation: Evaluation): number {
  if (evaluation.score !== undefined) return 0
  return 2
}

/** Builds `explain()`'s answer from every example's evaluation and the matcher's outcome. */
export function explainMatch(
  site: Site,
  incoming: IncomingRequest,
  outcome: MatchOutcome,
  selector: Selector | undefined,
): Explanation {
  const winner = outcome.kind === 'matched' ? outcome.example : undefined
  const evaluations = evaluateAll(site.index, incoming, site.settings, selector)
  const best = evaluations.reduce(
    (max, e) => (e.dropped === undefined && (e.score ?? -1) > max ? e.score! : max),
    -1,
  )
  const winning = evaluations.find((e) => e.example === winner)
  const candidates: Array<CandidateExplanation & { rank: number; closeness: number }> = evaluations.map(
    (e) => {
      const won = e.example === winner
      let reason: string
      if (won) {
        reason =
          outcome.kind === 'matched' && outcome.via !== 'score'
            ? `chosen by ${selector?.via === 'override' ? 'use()' : outcome.via}`
            : `chosen: score ${e.score} (${scoreWords(e, incoming)})`
      } else if (e.dropped !== undefined) {
        reason =
          e.score === undefined ? pathDifference(incoming.forms, site.index.forms(e.example)) : e.dropped
      } else if (e.score === best && winning && commaMatchesOf(e) > commaMatchesOf(winning)) {
        reason = `tied at ${e.score}, but its query matched only by splitting a comma-separated value; an exact key=value match outranks it`
      } else if (e.score === best) {
        reason = `tied at ${e.score}; the tie rule (${site.settings.tieBreak}) chose another example`
      } else reason = `lost: score ${e.score} < ${best} (${scoreWords(e, incoming)})`
      return {
        example: e.example.info,
        score: e.dropped === undefined ? e.score : undefined,
        pathStep: e.step,
        won,
        reason,
        rank: won ? -1 : rank(e),
        closeness: e.score ?? closeness(incoming.forms.lower, site.index.forms(e.example).lower),
      }
    },
  )
  for (const example of site.examples) {
    if (example.method === incoming.method) continue
    const pathMatches =
      comparePaths(
        incoming.forms,
        site.index.forms(example),
        site.index.pattern(example),
        site.settings.matchWildcards,
      ) !== undefined
    candidates.push({
      example: example.info,
      score: undefined,
      pathStep: undefined,
      won: false,
      reason: `wrong method: saved ${example.method}, got ${incoming.method}${pathMatches ? '' : `; ${pathDifference(incoming.forms, site.index.forms(example))}`}`,
      rank: pathMatches ? 1 : 3,
      closeness: closeness(incoming.forms.lower, site.index.forms(example).lower),
    })
  }
  candidates.sort((a, b) => a.rank - b.rank || b.closeness - a.closeness)
  const list = candidates.map(({ rank: _rank, closeness: _closeness, ...candidate }) => candidate)
  return {
    method: incoming.method,
    url: incoming.url,
    served: true,
    winner: winner?.info,
    candidates: list,
    report: reportText(incoming, outcome, list),
  }
}

function describeExample(info: CandidateExplanation['example']): string {
  return `"${info.name}" (${info.code}) of "${info.request}": ${info.method} ${info.path}${info.query ? `?${info.query}` : ''}`
}

/** The readable report: method and URL, then the three closest examples and why each lost. */
export function reportText(
  incoming: { method: string; url: string },
  outcome: MatchOutcome,
  candidates: CandidateExplanation[],
): string {
  if (outcome.kind === 'matched') {
    const won = candidates.find((c) => c.won)
    return `[postmock] ${incoming.method} ${incoming.url} → ${won ? describeExample(won.example) : 'matched'}${won ? `, ${won.reason}` : ''}`
  }
  const head = formatMessage(
    `match ${incoming.method} ${incoming.url}`,
    `${outcome.reason}; Postman's mock answers 404 mockRequestNotFoundError`,
    'Save an example for this request in Postman, fix the request, or choose an answer with use({ request, code })',
  )
  const closest = candidates.slice(0, 3)
  if (!closest.length) return `${head}\n  The collection has no examples.`
  const lines = closest.map((c, i) => `  ${i + 1}. ${describeExample(c.example)}\n     ${c.reason}`)
  return `${head}\n  Closest examples:\n${lines.join('\n')}`
}

/**
 * The report for a request whose origin this mock does not serve.
 *
 * @example
 * unservedReport('GET', 'https://elsewhere.test/x', postman.origins)
 */
export function unservedReport(method: string, url: string, served: string[]): string {
  return formatMessage(
    `send ${method} ${url}`,
    `its origin is not served by postmock (served: ${served.join(', ') || 'none'}), and requests are never sent to the network`,
    'Add the origin to `baseUrls`, or call the mock at https://<mockId>.mock.pstmn.io',
  )
}
