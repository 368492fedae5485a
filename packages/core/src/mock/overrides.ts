import type { Example } from '../collection/example.js'
import type { MockOverride } from '../glossary.js'
import type { IncomingRequest } from '../matching/incoming.js'
import type { Selector } from '../matching/match.js'
import { comparePaths } from '../matching/path-steps.js'
import { postmockError } from '../messages.js'
import { checkOverride } from './override-check.js'
import { type Delivery, isSpent, turnOf } from './sequence.js'
import type { Site } from './site.js'

interface ActiveOverride {
  override: MockOverride
  /** For a request-scoped override: the examples of that request, per site. */
  within: Map<Site, Set<Example>> | undefined
  /** How many calls it answered (the next step of a sequence). */
  served: number
}

/** What the newest applicable override chose: the example selector, and how the answer is delivered. */
export interface OverrideChoice {
  selector: Selector
  delivery: Delivery
}

function refersTo(example: Example, reference: string): boolean {
  if (example.info.request === reference) return true
  const spaced = /^([A-Za-z]+)\s+(\/.*)$/.exec(reference)
  const method = spaced ? spaced[1]!.toUpperCase() : undefined
  const path = spaced ? spaced[2]! : reference
  if (!path.startsWith('/')) return false
  if (method && method !== example.method) return false
  return example.path === path || example.path.replace(/\/+$/, '') === path.replace(/\/+$/, '')
}

/** The overrides set by `use()`, newest first. */
export class Overrides {
  private active: ActiveOverride[] = []

  constructor(private readonly sites: readonly Site[]) {}

  add(overrides: MockOverride[]): () => void {
    const added = overrides.map((override) => {
      checkOverride(override)
      return {
        override,
        within: override.request === undefined ? undefined : this.resolve(override.request),
        served: 0,
      }
    })
    this.active.unshift(...added.reverse())
    return () => {
      this.active = this.active.filter((entry) => !added.includes(entry))
    }
  }

  clear(): void {
    this.active = []
  }

  private resolve(reference: string): Map<Site, Set<Example>> {
    const within = new Map<Site, Set<Example>>()
    for (const site of this.sites) {
      const examples = site.examples.filter((example) => refersTo(example, reference))
      if (examples.length) within.set(site, new Set(examples))
    }
    if (!within.size) {
      const names = [...new Set(this.sites.flatMap((site) => site.examples.map((e) => e.info.request)))]
      throw postmockError(
        'INVALID_OPTION',
        'apply use()',
        `no request is named "${reference}" (nor has that path)`,
        `Use a request name from the collection: ${names
          .slice(0, 10)
          .map((n) => JSON.stringify(n))
          .join(', ')}${names.length > 10 ? ', …' : ''}`,
        'request',
      )
    }
    return within
  }

  /**
   * The choice of the newest override that applies to this request; `consume` counts the call (the next
   * sequence step, a `once` override used up). Without `consume` (explain) nothing changes.
   */
  choiceFor(site: Site, incoming: IncomingRequest, consume = true): OverrideChoice | undefined {
    for (const entry of this.active) {
      let within: Set<Example> | undefined
      if (entry.within) {
        within = entry.within.get(site)
        if (!within) continue
        const reaches = [...within].some(
          (example) =>
            example.method === incoming.method &&
            comparePaths(
              incoming.forms,
              site.index.forms(example),
              site.index.pattern(example),
              site.settings.matchWildcards,
            ) !== undefined,
        )
        if (!reaches) continue
      }
      const turn = turnOf(entry.override, entry.served)
      if (!turn) continue
      if (consume) {
        entry.served++
        if (isSpent(entry.override, entry.served))
          this.active = this.active.filter((other) => other !== entry)
      }
      const { code, example, id } = turn.answer
      return { selector: { code, name: example, id, within, via: 'override' }, delivery: turn.delivery }
    }
    return undefined
  }
}
