import type { ExampleInfo } from '../glossary.js'
import type { PathForms, WildcardPath } from '../matching/path-steps.js'
import type { ExampleBody } from './body.js'

/** One saved example, flattened out of its folders and ready for matching and rendering. */
export interface Example {
  /** Position in the collection (document order). */
  order: number
  info: ExampleInfo
  /** Upper-cased method. */
  method: string
  /** Decoded path starting with `/`. */
  path: string
  /** The path's forms for the path steps (computed on first use). */
  readonly pathForms: PathForms
  /** The path's `{{var}}` segments for the wildcard step, if it has any (computed on first use). */
  readonly wildcard: WildcardPath | undefined
  /** Enabled query pairs. */
  query: Array<[string, string]>
  /** Enabled request headers of the saved request, lower-cased names (computed on first use). */
  readonly headers: ReadonlyMap<string, string>
  body: ExampleBody
  /** Saved request `Content-Type`, lower-cased, without parameters (derived from `headers`). */
  readonly contentType: string | undefined
  response: {
    code: number
    status: string | undefined
    headers: Array<[string, string]>
    /** Body with collection/environment variables already substituted. */
    body: string
    previewLanguage: string | undefined
    /** Whether the body or a header holds `{{…}}` tokens to render per request (known at load time). */
    templated: boolean
  }
}
