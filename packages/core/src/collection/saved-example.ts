import type { ExampleInfo } from '../glossary.js'
import { type PathForms, pathForms, type WildcardPath, wildcardPath } from '../matching/path-steps.js'
import type { ExampleBody } from './body.js'
import type { Example } from './example.js'
import { headerMap } from './headers.js'

/** What a load reads out of the collection for one example; the rest is derived from it. */
export interface SavedFields {
  order: number
  info: ExampleInfo
  method: string
  path: string
  query: Array<[string, string]>
  /** The saved request's enabled headers, as read (names not yet lower-cased). */
  requestHeaders: Array<[string, string]>
  body: ExampleBody
  response: Example['response']
}

/**
 * An example as a load reads it. What only matching needs (the path's forms, its wildcard form, the
 * header map) is derived from the read fields the first time it is asked for, so a load does not pay
 * for examples no request reaches; the fields it derives from never change.
 */
export class SavedExample implements Example {
  readonly order: number
  readonly info: ExampleInfo
  readonly method: string
  readonly path: string
  readonly query: Array<[string, string]>
  readonly body: ExampleBody
  readonly response: Example['response']
  private readonly requestHeaders: Array<[string, string]>
  private forms: PathForms | undefined
  /** `false` once computed for a path without `{{var}}` segments. */
  private wildcardForm: WildcardPath | false | undefined
  private headerIndex: ReadonlyMap<string, string> | undefined

  constructor(fields: SavedFields) {
    this.order = fields.order
    this.info = fields.info
    this.method = fields.method
    this.path = fields.path
    this.query = fields.query
    this.requestHeaders = fields.requestHeaders
    this.body = fields.body
    this.response = fields.response
  }

  get pathForms(): PathForms {
    this.forms ??= pathForms(this.path)
    return this.forms
  }

  get wildcard(): WildcardPath | undefined {
    if (this.wildcardForm === undefined)
      this.wildcardForm = (this.path.includes('{{') && wildcardPath(this.path)) || false
    return this.wildcardForm || undefined
  }

  get headers(): ReadonlyMap<string, string> {
    this.headerIndex ??= headerMap(this.requestHeaders)
    return this.headerIndex
  }

  get contentType(): string | undefined {
    return this.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase()
  }
}
