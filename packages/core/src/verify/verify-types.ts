import type { ExampleInfo } from '../mock/types.js'

/**
 * What kind of difference a {@link VerifyDifference} is:
 * - `status`: another status code;
 * - `content-type`: another Content-Type family (`json`, `html`, `xml`, `text`, …);
 * - `missing`: a key of the example is not in the answer;
 * - `unexpected`: the answer has a key the example does not (unless `allowExtraKeys`);
 * - `type`: another JSON type at this path (`number → string`);
 * - `not-json`: the example's body is JSON, the answer's is not;
 * - `no-example`: no example answers the request, so there is nothing to compare with.
 */
export type VerifyDifferenceKind =
  | 'status'
  | 'content-type'
  | 'missing'
  | 'unexpected'
  | 'type'
  | 'not-json'
  | 'no-example'

/** One way a real answer differs from its example. */
export interface VerifyDifference {
  /**
   * Where: `status`, `content-type`, or a JSON path into the body (`$`, `$.user.email`,
   * `$.items[*].id`: `[*]` is any element of an array, `$['a key']` a key that is no identifier).
   */
  path: string
  kind: VerifyDifferenceKind
  /** The example's side (`200`, `json`, `number`), when the difference has one. */
  expected: string | undefined
  /** The answer's side (`404`, `html`, `string`), when the difference has one. */
  actual: string | undefined
  /** The difference in words: `$.email missing`, `$.id number → string`, `status 200 → 404`. */
  text: string
}

/** The comparison of a real answer with the example that describes it. */
export interface VerifyResult {
  /** `true` when nothing differs. */
  ok: boolean
  /** The example compared with, or `undefined` when no example answers the request. */
  example: ExampleInfo | undefined
  differences: VerifyDifference[]
}

/** How a real answer is compared with its example. */
export interface VerifyOptions {
  /**
   * Keys the answer has and the example does not are fine. Default `false`: they are drift
   * (`$.extra unexpected`), because an example that lacks a field the API sends no longer shows
   * the API as it is, and tests against the mock never see that field.
   */
  allowExtraKeys?: boolean
  /**
   * A `null` on one side and another type on the other is drift. Default `false`: `null` goes with
   * any type, as APIs send `null` for an optional field that has no value.
   */
  strictNull?: boolean
}

/** An answer in the parts the comparison reads. */
export interface ComparedAnswer {
  status: number
  /** The `Content-Type` header, if any. */
  contentType: string | undefined
  /** The body text (`''` when there is none). */
  body: string
}
