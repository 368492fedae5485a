import type { Example } from '../collection/example.js'
import type { PathForms, WildcardPath } from './path-steps.js'
import { WildcardTrie } from './wildcard-trie.js'

/** The examples of one method, filed so a request only scores the examples that could match it. */
export interface MethodGroup {
  all: Example[]
  /** Examples by their lower-cased, slash- and ID-stripped path: every candidate of steps 1–4, 6 and 7. */
  byShape: Map<string, Example[]>
  /** Examples with `{{var}}` segments: the candidates of the wildcard step. */
  wildcards: WildcardTrie | undefined
  /** Every example by segment count: the candidates of the document-distance step. */
  bySegmentCount: Map<number, Example[]>
  /** Whether matching or rendering may read the request body (a saved body or a template exists). */
  readsBody: boolean
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** The index built once at load time; the matcher reads it and never changes it. */
export class ExampleIndex {
  readonly examples: readonly Example[]
  private readonly methods = new Map<string, MethodGroup>()

  constructor(examples: readonly Example[]) {
    this.examples = examples
    for (const example of examples) {
      let group = this.methods.get(example.method)
      if (!group) {
        group = {
          all: [],
          byShape: new Map(),
          wildcards: undefined,
          bySegmentCount: new Map(),
          readsBody: false,
        }
        this.methods.set(example.method, group)
      }
      group.all.push(example)
      if (example.body.kind !== 'none' || example.response.templated) group.readsBody = true
      const forms = example.pathForms
      push(group.byShape, forms.strippedIdsLower, example)
      const count = forms.segments.length
      push(group.bySegmentCount, count, example)
      const pattern = example.wildcard
      if (pattern) {
        group.wildcards ??= new WildcardTrie()
        group.wildcards.insert(pattern, example)
      }
    }
  }

  /** The examples saved with this (upper-case) method. */
  method(method: string): MethodGroup | undefined {
    return this.methods.get(method)
  }

  /** The wildcard form of an example's path, if it has `{{var}}` segments. */
  pattern(example: Example): WildcardPath | undefined {
    return example.wildcard
  }

  /** The precomputed forms of an example's path. */
  forms(example: Example): PathForms {
    return example.pathForms
  }
}
