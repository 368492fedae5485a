import type { Example } from '../collection/example.js'
import { segmentsOf, shapeKey, type WildcardPath, wildcardPath } from './path-steps.js'

/** The examples of one method, filed so a request only scores the examples that could match it. */
export interface MethodGroup {
  all: Example[]
  /** Examples by {@link shapeKey}: every candidate of path steps 1–4, 6 and 7. */
  byShape: Map<string, Example[]>
  /** Examples with `{{var}}` segments, by segment count: the candidates of the wildcard step. */
  wildcards: Map<number, Example[]>
  /** Every example by segment count: the candidates of the document-distance step. */
  bySegmentCount: Map<number, Example[]>
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
  private readonly patterns = new Map<Example, WildcardPath>()

  constructor(examples: readonly Example[]) {
    this.examples = examples
    for (const example of examples) {
      let group = this.methods.get(example.method)
      if (!group) {
        group = { all: [], byShape: new Map(), wildcards: new Map(), bySegmentCount: new Map() }
        this.methods.set(example.method, group)
      }
      group.all.push(example)
      push(group.byShape, shapeKey(example.path), example)
      const count = segmentsOf(example.path).length
      push(group.bySegmentCount, count, example)
      const pattern = wildcardPath(example.path)
      if (pattern) {
        this.patterns.set(example, pattern)
        push(group.wildcards, count, example)
      }
    }
  }

  /** The examples saved with this (upper-case) method. */
  method(method: string): MethodGroup | undefined {
    return this.methods.get(method)
  }

  /** The wildcard form of an example's path, if it has `{{var}}` segments. */
  pattern(example: Example): WildcardPath | undefined {
    return this.patterns.get(example)
  }
}
