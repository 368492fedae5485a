import { type PostmockWarning, postmockError } from '../messages.js'
import { convertV1, isV1Collection } from './convert-v1.js'
import type { Example } from './example.js'
import { exampleReader } from './example-reader.js'
import { walkItems } from './item-walk.js'
import { isJsonObject } from './json-object.js'
import { LoadWarnings } from './load-warnings.js'
import type { RawCollection } from './raw-types.js'
import { SourceLocations, V2_LOCATIONS } from './source-locations.js'
import { describeValue, nameText } from './value-text.js'
import { collectionVariables } from './variable-entries.js'
import { createVariableScope, type VariableEntry } from './variable-scope.js'

/** A collection read into flat examples. */
export interface ReadCollection {
  name: string
  examples: Example[]
  warnings: PostmockWarning[]
}

/** Parses collection JSON text, naming the line and column of a syntax error. */
export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw postmockError(
      what === 'collection' ? 'INVALID_COLLECTION' : 'INVALID_ENVIRONMENT',
      `read the ${what}`,
      `it is not valid JSON (${detail})`,
      `Export the ${what} again from Postman (…  → Export) and pass the file's contents or a path`,
      '$',
    )
  }
}

/** A collection in the v2 shape, with where its parts are in the file the user has. */
export interface NormalisedCollection {
  collection: RawCollection
  locations: SourceLocations
}

/**
 * Validates the top of a collection and converts v1 into the v2 shape (the Postman API's
 * `{ collection }` wrapper is taken off once).
 *
 * @example
 * const { collection, locations } = normaliseCollection('{"info":{},"item":[]}', new LoadWarnings(false))
 * locations.variables // 'variable' ('variables' for a v1 collection)
 */
export function normaliseCollection(input: unknown, warnings: LoadWarnings): NormalisedCollection {
  let value = typeof input === 'string' ? parseJsonText(input, 'collection') : input
  if (isJsonObject(value) && !('item' in value)) {
    const wrapped = (value as { collection?: unknown }).collection
    if (isJsonObject(wrapped)) value = wrapped
  }
  if (!isJsonObject(value)) {
    throw postmockError(
      'INVALID_COLLECTION',
      'read the collection',
      `$: expected a Postman collection object, got ${describeValue(value)}`,
      'Pass a parsed collection export, its JSON text, or (with @postmock/core/node) a file path',
      '$',
    )
  }
  if (isV1Collection(value)) {
    const locations = new SourceLocations()
    return { collection: convertV1(value, warnings, locations), locations }
  }
  if (!('item' in value)) {
    const v1Requests = (value as { requests?: unknown }).requests
    if (v1Requests !== undefined) {
      throw postmockError(
        'INVALID_COLLECTION',
        'read the collection',
        `$.requests: expected an array of requests (a v1 collection), got ${describeValue(v1Requests)}`,
        'Export the collection again from Postman (v2.1 is the current format)',
        'requests',
      )
    }
    throw postmockError(
      'INVALID_COLLECTION',
      'read the collection',
      '$.item: expected an array of items, got nothing',
      'Check that the file is a Postman collection export (v1, v2.0 or v2.1), not an environment or a mock',
      'item',
    )
  }
  return { collection: value as RawCollection, locations: V2_LOCATIONS }
}

/** What a collection's examples resolve against, besides its own variables. */
export interface ReadOptions {
  /** Environment values, then `variables` option values (later ones win), read after the collection. */
  variables: () => VariableEntry[]
  /** Throw on a malformed example instead of skipping it with a warning. */
  strict: boolean
}

/**
 * Reads a collection (v1, v2.0, v2.1; parsed or JSON text) into flat examples with every variable
 * resolved (collection variables < environment < `variables` option), and the warnings of the load, each
 * naming a JSON path in the file the user has.
 *
 * @example
 * const read = readCollection(collection, { variables: () => [], strict: false })
 * read.examples[0]?.info.location // 'item[0].response[0]'
 */
export function readCollection(input: unknown, options: ReadOptions): ReadCollection {
  const warnings = new LoadWarnings(options.strict)
  const { collection, locations } = normaliseCollection(input, warnings)
  const scope = createVariableScope(
    [...collectionVariables(collection.variable, locations.variables), ...options.variables()],
    warnings,
  )
  const reader = exampleReader(scope, warnings, locations)
  walkItems(collection.item, { warnings, locations }, reader)
  const info: unknown = collection.info
  const name = isJsonObject(info) ? nameText((info as { name?: unknown }).name) : undefined
  return { name: name ?? '', examples: reader.examples, warnings: warnings.list }
}
