import type { Example } from '../collection/example.js'
import type { IncomingRequest } from '../matching/incoming.js'
import type { Selector } from '../matching/match.js'
import { comparePaths } from '../matching/path-steps.js'
import { postmockError } from '../messages.js'
import type { Site } from './site.js'
import type { MockOverride } from './types.js'

interface ActiveOverride {
  override: MockOverride
  /** For a request-scoped override: the examples of that request, per site. */
  within: Map<Site, Set<Example>> | undefined
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

function checkOverride(override: MockOverride): void {
  const fail = (option: string, expected: string, value: unknown): never => {
    throw postmockError(
      'INVALID_OPTION',
      'apply use()',
      `"${option}": expected ${expected}, got ${JSON.stringify(value)}`,
      'Pass { request?, example?, code?, id?, once? }',
      option,
    )
  }
  if (!override || typeof override !== 'object') fail('override', 'an object', override)
  if (override.code !== undefined && !Number.isInteger(override.code))
    fail('code', 'an integer status code', override.code)
  for (const key of ['request', 'example', 'id'] as const) {
    if (override[key] !== undefined && typeof override[key] !== 'string') fail(key, 'a string', override[key])
  }
}

/** The overrides set by `use()`, newest first. */
export class Overrides {
  private active: ActiveOverride[] = []

  constructor(private readonly sites: readonly Site[]) {}

  add(overrides: MockOverride[]): () => void {
    const added = overrides.map((override) => {
      checkOverride(override)
      return { override, within: override.request === undefined ? undefined : this.resolve(override.request) }
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

  /** The selector of the newest override that applies to this request; `consume` uses up a `once` override. */
  selectorFor(site: Site, incoming: IncomingRequest, consume = true): Selector | undefined {
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
      if (consume && entry.override.once) this.active = this.active.filter((other) => other !== entry)
      const { code, example, id } = entry.override
      return { code, name: example, id, within, via: 'override' }
    }
    return undefined
  }
}
