/** The parts of an example whose JSON path a warning may name. */
export type ExampleField =
  | 'code'
  | 'body'
  | 'originalRequest'
  | 'originalRequest.url'
  | 'originalRequest.method'

/** Where one example and its parts are in the file the user has. */
export interface ExampleSource {
  /** The example itself, e.g. `requests[3].responses[0]`. */
  at: string
  fields: Record<ExampleField, string>
}

/**
 * JSON paths into the file the user has. A v2 collection is read as it is, so a path is where the reader
 * is; a v1 collection is converted first, and the conversion records where each folder, request and
 * example it built came from (`folders[2]`, `requests[3]`, `requests[3].responses[0]`).
 *
 * @example
 * const locations = new SourceLocations()
 * locations.setExample(converted, { at: 'requests[3].responses[0]', fields })
 * locations.example(converted, 'item[0].response[0]') // 'requests[3].responses[0]'
 */
export class SourceLocations {
  /** The path of the collection's variable list: `variable` (v2) or `variables` (v1). */
  variables = 'variable'
  private readonly items = new WeakMap<object, string>()
  private readonly examples = new WeakMap<object, ExampleSource>()

  setItem(item: object, at: string): void {
    this.items.set(item, at)
  }

  setExample(response: object, source: ExampleSource): void {
    this.examples.set(response, source)
  }

  /** The path of a folder or request item (`at` is where the reader found it in the v2 tree). */
  item(item: object, at: string): string {
    return this.items.get(item) ?? at
  }

  /** The path of an example, or of one of its parts. */
  example(response: object, at: string, field?: ExampleField): string {
    const source = this.examples.get(response)
    if (!source) return field ? `${at}.${field}` : at
    return field ? source.fields[field] : source.at
  }
}

/**
 * The locations of every v2 collection: it is read as it is, so a path is where the reader is (nothing
 * is ever set here). One instance for the whole process also keeps the reading code's optimisations
 * valid from one load to the next.
 *
 * @example
 * V2_LOCATIONS.example(response, 'item[0].response[0]', 'code') // 'item[0].response[0].code'
 */
export const V2_LOCATIONS: SourceLocations = new SourceLocations()
