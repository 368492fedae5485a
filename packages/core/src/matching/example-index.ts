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

/** Files the examples of one method (in document order) for the matcher. */
function fileGroup(all: Example[]): MethodGroup {
  const group: MethodGroup = {
    all,
    byShape: new Map(),
    wildcards: undefined,
    bySegmentCount: new Map(),
    readsBody: false,
  }
  for (const example of all) {
    if (example.body.kind !== 'none' || example.response.templated) group.readsBody = true
    const forms = example.pathForms
    push(group.byShape, forms.strippedIdsLower, example)
    push(group.bySegmentCount, forms.segments.length, example)
    const pattern = example.wildcard
    if (pattern) {
      group.wildcards ??= new WildcardTrie()
      group.wildcards.insert(pattern, example)
    }
  }
  return group
}

/**
 * The examples filed for the matcher. A method's group is filed the first time a request asks for that
 * method (a test usually sends a few methods, and a load should not pay for the others); once filed it
 * never changes.
 */
export class ExampleIndex {
  readonly examples: readonly Example[]
  private byMethod: Map<string, Example[]> | undefined
  private readonly groups = new Map<string, MethodGroup>()

  constructor(examples: readonly Example[]) {
    this.examples = examples
  }

  /** The examples saved with this (upper-case) method. */
  method(method: string): MethodGroup | undefined {
    const filed = this.groups.get(method)
    if (filed) return filed
    if (!this.byMethod) {
      this.byMethod = new Map()
      for (const example of this.examples) push(this.byMethod, example.method, example)
    }
    const all = this.byMethod.get(method)
    if (!all) return undefined
    const group = fileGroup(all)
    this.groups.set(method, group)
    return group
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
