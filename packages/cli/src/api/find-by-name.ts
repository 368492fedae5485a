import { cliError } from '../cli-error.js'
import { visible } from '../output/visible.js'

/** One entry of `GET /collections` or `GET /environments`. */
export interface ListedResource {
  id?: string
  uid?: string
  name?: string
}

const UID = /^(\d+-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Whether the argument is a Postman uid (`<owner>-<uuid>`) or id (`<uuid>`) rather than a name. */
export function looksLikeUid(value: string): boolean {
  return UID.test(value)
}

function describe(item: ListedResource): string {
  return `"${visible(String(item.name ?? '(unnamed)'))}" (${visible(String(item.uid ?? item.id ?? 'no uid'))})`
}

function candidateLines(items: ListedResource[], limit = 20): string {
  const shown = items.slice(0, limit).map((item) => `\n  - ${describe(item)}`)
  const more = items.length > limit ? `\n  … and ${items.length - limit} more` : ''
  return shown.join('') + more
}

/**
 * Picks the one resource `query` names: its uid or id, else its exact name, else its name ignoring
 * case. Ambiguous and missing names throw an error that lists the candidates.
 */
export function findByName(
  items: ListedResource[],
  query: string,
  kind: 'collection' | 'environment',
): ListedResource {
  const shown = visible(query)
  const byId = items.find((item) => item.uid === query || item.id === query)
  if (byId) return byId
  const exact = items.filter((item) => item.name === query)
  const matches =
    exact.length > 0 ? exact : items.filter((item) => item.name?.toLowerCase() === query.toLowerCase())
  if (matches.length === 1) return matches[0]!
  if (matches.length > 1) {
    throw cliError(
      `find ${kind} "${shown}"`,
      `${matches.length} ${kind}s have this name`,
      `Pass one of these uids instead:${candidateLines(matches)}`,
    )
  }
  const lower = query.toLowerCase()
  const near = items.filter((item) => item.name?.toLowerCase().includes(lower))
  const candidates = near.length > 0 ? near : items
  const listing =
    items.length === 0
      ? `This key sees no ${kind}s at all`
      : `${near.length > 0 ? 'Similar names' : `The ${kind}s this key sees`}:${candidateLines(candidates)}`
  throw cliError(
    `find ${kind} "${shown}"`,
    `no ${kind} of this name or uid is visible to this API key`,
    listing,
  )
}
