/**
 * Sample files for the typed-names type checks: the same statements written against each API a user
 * types `postman.` on (Vitest, Jest, the Playwright fixture, core's createPostmanMock), with the name
 * types imported from that same package.
 */

/** How each API gives a test its `postman`, and how a test body is wrapped. */
const APIS = {
  vitest: (body: string) => `import { setupPostmanMocks } from '@postmock/vitest'
import type { ExampleCode, ExampleName, RequestName } from '@postmock/vitest'

const postman = setupPostmanMocks('./collection.json')

export async function check(): Promise<unknown> {
${body}
}
`,
  jest: (body: string) => `import { setupPostmanMocks } from '@postmock/jest'
import type { ExampleCode, ExampleName, RequestName } from '@postmock/jest'

const postman = setupPostmanMocks('./collection.json')

export async function check(): Promise<unknown> {
${body}
}
`,
  playwright: (body: string) => `import { test as base } from '@playwright/test'
import { postmanFixtures } from '@postmock/playwright'
import type { ExampleCode, ExampleName, RequestName } from '@postmock/playwright'

const test = base.extend(postmanFixtures({ collection: './collection.json' }))

test('typed names', async ({ postman }) => {
${body}
})
`,
  core: (body: string) => `import { createPostmanMock } from '@postmock/core'
import type { ExampleCode, ExampleName, RequestName } from '@postmock/core'

const postman = createPostmanMock({ info: { name: 'x' }, item: [] })

export async function check(): Promise<unknown> {
${body}
}
`,
} as const

export type Api = keyof typeof APIS
export const API_NAMES = Object.keys(APIS) as Api[]

/** A sample that must fail: its one statement, and what the diagnostic must mention. */
export interface BadSample {
  statement: string
  /** Every one of these appears in the diagnostic's text. */
  mentions: string[]
}

/** The statements of one collection's samples. */
export interface SampleSet {
  /** Correct calls: compile with the generated file and without it. */
  good: string
  /** Correct code that relies on the registered names (literal result types): compiles only with the file. */
  typedResults: string
  /** Each must fail with the generated file (and compile without it). */
  bad: Record<string, BadSample>
}

/** The project files: `<api>-good.ts`, `<api>-results.ts` (when `typed`), `<api>-<bad case>.ts`. */
export function sampleFiles(set: SampleSet, typed: boolean): Record<string, string> {
  const files: Record<string, string> = {}
  for (const api of API_NAMES) {
    files[`${api}-good.ts`] = APIS[api](`${set.good}\n  return undefined`)
    if (typed) files[`${api}-results.ts`] = APIS[api](set.typedResults)
    for (const [name, bad] of Object.entries(set.bad)) {
      const end = bad.statement.startsWith('return') ? '' : '\n  return undefined'
      files[`${api}-${name}.ts`] = APIS[api](`  ${bad.statement}${end}`)
    }
  }
  return files
}

/** testAPI: "Get user" (GET /users/1) with "Get user OK" (200) and "Unauthorized" (401). */
export const TEST_API_SAMPLES: SampleSet = {
  good: `  postman.use({ request: 'Get user', code: 401 })
  postman.use({ request: 'GET /users/1', example: 'Unauthorized', once: true }, { request: '/users/1', code: 200 })
  postman.use({ example: 'Get user OK' }, { code: 401 }, { id: 'b1b2c3d4-0000-4000-8000-000000000401' })
  postman.use({ request: 'Get user', sequence: [{ code: 401 }, { example: 'Get user OK' }], then: 'collection' })
  postman.calls({ request: 'Get user', example: 'Unauthorized', status: 401 })
  postman.calls({ method: 'GET', status: 404 })
  const unused: string[] = postman.unused().map((example) => example.request)
  const explanation = await postman.explain(new Request('https://abc123.mock.pstmn.io/users/1'))
  void [unused, explanation.winner?.name]`,
  typedResults: `  const requests: Array<'Get user'> = postman.unused().map((example) => example.request)
  const codes: Array<200 | 401> = postman.unused().map((example) => example.code)
  const explanation = await postman.explain(new Request('https://abc123.mock.pstmn.io/users/1'))
  const winner: 'Get user OK' | 'Unauthorized' | undefined = explanation.winner?.name
  const called: 'Get user' | undefined = postman.calls()[0]?.request
  const names: RequestName[] = ['Get user', 'GET /users/1', '/users/1']
  const examples: Array<ExampleName<'Get user'>> = ['Get user OK', 'Unauthorized']
  const saved: Array<ExampleCode<'GET /users/1'>> = [200, 401]
  return [requests, codes, winner, called, names, examples, saved]`,
  bad: {
    'misspelled-request': {
      statement: `postman.use({ request: 'Get usr', code: 401 })`,
      mentions: ['"Get usr"', '"Get user"'],
    },
    'misspelled-example': {
      statement: `postman.use({ request: 'Get user', example: 'Unauthorised' })`,
      mentions: ['"Unauthorised"', '"Unauthorized"'],
    },
    'unsaved-code': {
      statement: `postman.use({ request: 'Get user', code: 500 })`,
      mentions: ["Type '500'", '200', '401'],
    },
    'unsaved-code-in-sequence': {
      statement: `postman.use({ request: 'Get user', sequence: [{ code: 503 }, { code: 200 }] })`,
      mentions: ["Type '503'", '200', '401'],
    },
    'path-form-in-calls': {
      statement: `postman.calls({ request: 'GET /users/1' })`,
      mentions: ['"GET /users/1"', '"Get user"'],
    },
    'misspelled-example-in-calls': {
      statement: `postman.calls({ request: 'Get user', example: 'OK' })`,
      mentions: ['"OK"', '"Get user OK"'],
    },
    'misspelled-request-in-unused': {
      statement: `return postman.unused().filter((example) => example.request === 'Get usr')`,
      mentions: ['"Get usr"', '"Get user"'],
    },
    'misspelled-example-in-explain': {
      statement: `return (await postman.explain(new Request('https://abc123.mock.pstmn.io/users/1'))).winner?.name === 'Unauthorised'`,
      mentions: ['"Unauthorised"', '"Unauthorized"'],
    },
  },
}

const RESTORED = 'Returns a file object when the file has been restored.'

/** box-platform (172 requests): "Restore file" (POST /2.0/files/<string>) answers 201, 403, 404 or 409. */
export const BOX_SAMPLES: SampleSet = {
  good: `  postman.use({ request: 'Restore file', code: 409 })
  postman.use({ request: 'POST /2.0/files/<string>', example: ${JSON.stringify(RESTORED)} })
  postman.use({ request: 'Request an access token', code: 400 }, { request: 'Delete a file', code: 412 })
  postman.calls({ request: 'Restore file', status: 404 })`,
  typedResults: `  const names: RequestName[] = ['Restore file', 'POST /2.0/files/<string>', '/2.0/files/<string>/copy']
  const examples: Array<ExampleName<'Restore file'>> = [${JSON.stringify(RESTORED)}]
  const codes: Array<ExampleCode<'Restore file'>> = [201, 403, 404, 409]
  return [names, examples, codes]`,
  bad: {
    'misspelled-request': {
      statement: `postman.use({ request: 'Restore fille', code: 201 })`,
      mentions: ['"Restore fille"', 'Did you mean \'"Restore file"\''],
    },
    'misspelled-example': {
      statement: `postman.use({ request: 'Restore file', example: 'Returns a file object when the file has been restored' })`,
      mentions: ['"Returns a file object when the file has been restored"', JSON.stringify(RESTORED)],
    },
    'unsaved-code': {
      statement: `postman.use({ request: 'Restore file', code: 200 })`,
      mentions: ["Type '200'", '201', '403', '404', '409'],
    },
    'unsaved-code-as-type': {
      statement: `const code: ExampleCode<'Restore file'> = 200`,
      mentions: ["Type '200'", '201', '403', '404', '409'],
    },
  },
}
