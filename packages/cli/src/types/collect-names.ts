import type { ExampleInfo } from '@postmock/core'

/** Example name → the status codes saved under that name (one, unless a name is saved twice). */
export type ExampleCodes = Map<string, Set<number>>

/** The names one collection registers: what `use()`, `calls()` and the results' types may name. */
export interface CollectionNames {
  /** The key of the collection in the declaration file (its name; for a config's mock, with its id). */
  label: string
  /** Request (item) name → its examples. Requests of the same name in different folders are one entry. */
  requests: Map<string, ExampleCodes>
  /** `METHOD /path` and `/path` (as the matcher resolved them) → the examples saved there. */
  paths: Map<string, ExampleCodes>
  /** How many examples were loaded. */
  examples: number
}

type NameSource = Pick<ExampleInfo, 'request' | 'method' | 'path' | 'name' | 'code'>

function add(map: Map<string, ExampleCodes>, key: string, example: NameSource): void {
  let examples = map.get(key)
  if (!examples) {
    examples = new Map()
    map.set(key, examples)
  }
  let codes = examples.get(example.name)
  if (!codes) {
    codes = new Set()
    examples.set(example.name, codes)
  }
  codes.add(example.code)
}

/**
 * Groups a loaded collection's examples (core's `mock.examples`, so exactly what the matcher sees)
 * by request name and by path form, in collection order.
 *
 * @example
 * const names = collectNames('testAPI', createPostmanMock(collection).examples)
 * names.requests.get('Get user') // Map { 'Get user OK' => Set { 200 }, 'Unauthorized' => Set { 401 } }
 * [...names.paths.keys()]        // ['GET /users/1', '/users/1']
 */
export function collectNames(label: string, examples: readonly NameSource[]): CollectionNames {
  const names: CollectionNames = { label, requests: new Map(), paths: new Map(), examples: examples.length }
  for (const example of examples) {
    add(names.requests, example.request, example)
    // use({ request }) takes `METHOD /path` and `/path` forms (core's overrides.ts `refersTo`).
    if (example.path.startsWith('/')) {
      add(names.paths, `${example.method} ${example.path}`, example)
      add(names.paths, example.path, example)
    }
  }
  return names
}
