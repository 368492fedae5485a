import type { ExampleBody } from '../collection/body.js'
import { readEnvironment } from '../collection/environment.js'
import type { Example } from '../collection/example.js'
import { readCollection } from '../collection/read-collection.js'
import { optionVariables } from '../collection/variable-entries.js'
import type { ExampleInfo, PostmanMockOptions } from '../glossary.js'
import type { PostmockWarning } from '../messages.js'
import type { ExampleAnswer } from './compare-answer.js'

/** An example's saved request, with every variable resolved, ready to send to a real API. */
export interface SavedRequest {
  /** Upper-cased. */
  method: string
  /** The decoded path, e.g. `/users/42` (the saved host is not kept: the caller names the API). */
  path: string
  /** Enabled query pairs, decoded. */
  query: Array<[string, string]>
  /** Enabled headers, names lower-cased. */
  headers: Array<[string, string]>
  /** The body to send (raw, urlencoded or GraphQL as JSON), or `undefined` for none. */
  body: string | undefined
  /**
   * Why the request cannot be sent as saved (`unresolved {{userId}}`, `a form-data or file body`),
   * else `undefined`.
   */
  unsendable: string | undefined
}

/** One example: its saved request and its saved answer. */
export interface ExampleToVerify {
  example: ExampleInfo
  request: SavedRequest
  answer: ExampleAnswer
}

/** What {@link examplesToVerify} reads. */
export type ExamplesToVerifyOptions = Pick<PostmanMockOptions, 'environment' | 'variables' | 'strict'>

function sendableBody(body: ExampleBody, headers: Map<string, string>): string | undefined {
  switch (body.kind) {
    case 'text':
      return body.text
    case 'form':
      if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded')
      return new URLSearchParams(body.pairs).toString()
    case 'graphql':
      if (!headers.has('content-type')) headers.set('content-type', 'application/json')
      return JSON.stringify({
        query: body.query,
        variables: body.variables,
        operationName: body.operationName,
      })
    default:
      return undefined
  }
}

function unresolved(example: Example): string | undefined {
  const texts = [example.path, ...example.query.flat()]
  const token = texts.map((text) => /\{\{[^}]*\}\}/.exec(text)?.[0]).find((found) => found !== undefined)
  if (token) return `unresolved ${token}`
  const pathVariable = /\/(:[A-Za-z0-9_$-]+)(?=\/|$)/.exec(example.path)?.[1]
  if (pathVariable) return `unresolved path variable ${pathVariable}`
  if (example.body.kind === 'never') return 'a form-data or file body'
  return undefined
}

/** The saved answer of an example, as {@link compareAnswer} reads it. */
export function exampleAnswerOf(example: Example): ExampleAnswer {
  const saved = example.response
  return {
    info: example.info,
    status: saved.code,
    contentType: saved.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1],
    body: saved.body,
    previewLanguage: saved.previewLanguage,
  }
}

function toVerify(example: Example): ExampleToVerify {
  const headers = new Map(example.headers)
  const body = sendableBody(example.body, headers)
  return {
    example: example.info,
    request: {
      method: example.method,
      path: example.path,
      query: example.query,
      headers: [...headers],
      body,
      unsendable: unresolved(example),
    },
    answer: exampleAnswerOf(example),
  }
}

/**
 * Every example of a collection with its saved request (variables resolved from the collection, the
 * environment and `variables`, as the mock resolves them) and its saved answer: what `postmock verify`
 * sends to a real API and compares with {@link compareAnswer}.
 *
 * @example
 * const { examples } = examplesToVerify(collection, { environment })
 * const { request, answer } = examples[0]!
 * const response = await fetch(`https://staging.api.example.com${request.path}`, { method: request.method })
 * compareAnswer(answer, { status: response.status, contentType: response.headers.get('content-type') ?? undefined, body: await response.text() })
 */
export function examplesToVerify(
  collection: unknown,
  options: ExamplesToVerifyOptions = {},
): { examples: ExampleToVerify[]; warnings: PostmockWarning[] } {
  const read = readCollection(collection, {
    variables: () => [
      ...(options.environment === undefined ? [] : readEnvironment(options.environment)),
      ...optionVariables(options.variables),
    ],
    strict: options.strict === true,
  })
  return { examples: read.examples.map(toVerify), warnings: read.warnings }
}
