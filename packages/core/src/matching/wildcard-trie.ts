import type { Example } from '../collection/example.js'
import type { WildcardPath } from './path-steps.js'

/**
 * Examples with `{{var}}` segments, filed by segment: literal segments and wildcards are branches, so a
 * request walks only the branches its segments fit and finds exactly the examples the wildcard step
 * can match, however many there are.
 */
export class WildcardTrie {
  private readonly literal = new Map<string, WildcardTrie>()
  private wildcard: WildcardTrie | undefined
  private readonly here: Example[] = []

  insert(pattern: WildcardPath, example: Example, depth = 0): void {
    if (depth === pattern.segments.length) {
      this.here.push(example)
      return
    }
    let next: WildcardTrie | undefined
    if (pattern.names[depth] !== undefined) {
      next = this.wildcard ??= new WildcardTrie()
    } else {
      const segment = pattern.segments[depth]!
      next = this.literal.get(segment)
      if (!next) {
        next = new WildcardTrie()
        this.literal.set(segment, next)
      }
    }
    next.insert(pattern, example, depth + 1)
  }

  /** The examples whose wildcard path fits these request segments (a wildcard takes one non-empty segment). */
  find(segments: readonly string[], found: Example[] = [], depth = 0): Example[] {
    if (depth === segments.length) {
      for (const example of this.here) found.push(example)
      return found
    }
    const segment = segments[depth]!
    this.literal.get(segment)?.find(segments, found, depth + 1)
    if (segment !== '') this.wildcard?.find(segments, found, depth + 1)
    return found
  }
}
