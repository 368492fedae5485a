import type { Example } from '../collection/example.js'
import type { VerifyOptions, VerifyResult } from '../glossary.js'
import { postmockError } from '../messages.js'
import { compareAnswer } from './compare-answer.js'
import { exampleAnswerOf } from './examples-to-verify.js'

/** The result for a request no example answers: one `no-example` difference saying why. */
export function noExampleResult(method: string, url: string, why: string): VerifyResult {
  const text = `no example answers ${method} ${url}: ${why}`
  return {
    ok: false,
    example: undefined,
    differences: [{ path: '$', kind: 'no-example', expected: undefined, actual: undefined, text }],
  }
}

/** Reads a response's body without using it up (from a clone), so the caller can still read it. */
async function answerBody(response: Response): Promise<string> {
  if (response.bodyUsed) {
    throw postmockError(
      'INVALID_OPTION',
      'verify the response',
      'its body has already been read',
      'Pass the response before reading it, or response.clone() before you read it',
    )
  }
  return response.body === null ? '' : await response.clone().text()
}

/**
 * Compares a Fetch `Response` from the real API with the example chosen for its request.
 *
 * @example
 * const result = await verifyResponse(example, 'GET', response)
 */
export async function verifyResponse(
  example: Example,
  method: string,
  response: Response,
  options?: VerifyOptions,
): Promise<VerifyResult> {
  const body = await answerBody(response)
  const actual = {
    status: response.status,
    contentType: response.headers.get('content-type') ?? undefined,
    body,
    method,
  }
  return compareAnswer(exampleAnswerOf(example), actual, options)
}
