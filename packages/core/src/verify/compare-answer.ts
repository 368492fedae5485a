import type {
  ComparedAnswer,
  ExampleInfo,
  VerifyDifference,
  VerifyOptions,
  VerifyResult,
} from '../glossary.js'
import { compareShapes } from './compare-shapes.js'
import { contentFamily, declaredFamily } from './content-family.js'
import { shapeOf } from './json-shape.js'
import { parseExampleJson } from './template-json.js'

/** The example side of a comparison: its saved answer, and what {@link VerifyResult.example} names. */
export interface ExampleAnswer extends ComparedAnswer {
  /** The example, for the result. */
  info?: ExampleInfo
  /** The example's preview language (`json`, `html`, …), used when it saved no Content-Type. */
  previewLanguage?: string
}

/** The answer side of a comparison. */
export interface RealAnswer extends ComparedAnswer {
  /** The request's method: a `HEAD` answer has no body to compare. */
  method?: string
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

/**
 * Compares a real answer with the example that describes it: the status code, the Content-Type
 * family, and for JSON the shape (the same keys with the same JSON types at every path, arrays by
 * the union of their elements' shapes, values free to differ). The body is compared only when the
 * status and the family agree, as another status is another answer. Pure: no I/O, runs in browsers.
 *
 * @example
 * const result = compareAnswer(
 *   { status: 200, contentType: 'application/json', body: '{"id":1,"email":"a@b.c"}' },
 *   { status: 200, contentType: 'application/json', body: '{"id":"1"}' },
 * )
 * result.differences.map((d) => d.text) // ['$.id number → string', '$.email missing']
 */
export function compareAnswer(
  example: ExampleAnswer,
  actual: RealAnswer,
  options: VerifyOptions = {},
): VerifyResult {
  const differences: VerifyDifference[] = []
  const result = (): VerifyResult => ({ ok: differences.length === 0, example: example.info, differences })
  if (example.status !== actual.status) {
    const [from, to] = [String(example.status), String(actual.status)]
    differences.push({
      path: 'status',
      kind: 'status',
      expected: from,
      actual: to,
      text: `status ${from} → ${to}`,
    })
  }
  const wantedFamily = declaredFamily(example.contentType, example.previewLanguage, example.body)
  const gotFamily = contentFamily(actual.contentType)
  const bodies = example.body.trim() !== '' || actual.body.trim() !== ''
  if (wantedFamily !== undefined && wantedFamily !== gotFamily && (bodies || gotFamily !== undefined)) {
    const to = gotFamily ?? 'none'
    differences.push({
      path: 'content-type',
      kind: 'content-type',
      expected: wantedFamily,
      actual: to,
      text: `content-type ${wantedFamily} → ${to}`,
    })
  }
  const head = actual.method?.toUpperCase() === 'HEAD'
  if (differences.length > 0 || head || wantedFamily !== 'json' || example.body.trim() === '') return result()
  const wanted = parseExampleJson(example.body)
  if (wanted === undefined) return result()
  const got = parseJson(actual.body)
  if (!got.ok) {
    const what = actual.body.trim() === '' ? 'empty' : 'not JSON'
    differences.push({ path: '$', kind: 'not-json', expected: 'json', actual: what, text: `$ ${what}` })
    return result()
  }
  compareShapes(
    shapeOf(wanted),
    shapeOf(got.value),
    '$',
    { allowExtraKeys: options.allowExtraKeys === true, strictNull: options.strictNull === true },
    differences,
  )
  return result()
}
