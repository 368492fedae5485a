/**
 * Valid JSON of the wrong shape (issue #9, item 4): real collections with random nodes replaced by
 * numbers, strings, objects, arrays, null or `{"toString": 1}`. Loading either works (skipping what it
 * cannot read, with a warning naming a JSON path) or throws a PostmockError naming one; answering
 * never throws.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createPostmanMock, PostmockError, type PostmockWarning } from '@postmock/core'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/collections', name), 'utf8'))

type Json = Record<string, unknown> | unknown[]

/** Every place in a JSON tree a value sits: its parent and its key. */
function nodesOf(root: Json): Array<[Json, string | number]> {
  const nodes: Array<[Json, string | number]> = []
  const pending: Json[] = [root]
  while (pending.length) {
    const parent = pending.pop()!
    const keys = Array.isArray(parent) ? parent.map((_, i) => i) : Object.keys(parent)
    for (const key of keys) {
      nodes.push([parent, key])
      const value = (parent as Record<string | number, unknown>)[key]
      if (value !== null && typeof value === 'object') pending.push(value as Json)
    }
  }
  return nodes
}

const replacement = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    0,
    -1,
    1e21,
    true,
    '',
    'abc',
    '{{a}}',
    '/:id',
    [],
    {},
    { toString: 1 },
    { toString: 1, valueOf: 1 },
    { __proto__: null, constructor: 1 },
    ['x', 1, null, {}],
    { key: { toString: 1 }, value: { toString: 1 } },
    [{ toString: 1 }],
  ),
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.jsonValue({ maxDepth: 2 }),
)
const mutations = fc.array(fc.tuple(fc.nat(), replacement), { minLength: 1, maxLength: 3 })

async function answerSome(mock: ReturnType<typeof createPostmanMock>): Promise<void> {
  const targets = mock.examples.slice(0, 4).map((e) => ({ method: e.method, path: e.path }))
  targets.push({ method: 'POST', path: '/nothing/here' })
  for (const { method, path } of targets) {
    let request: Request
    try {
      request = new Request(`https://fuzz.mock.pstmn.io${encodeURI(path)}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'GET' || method === 'HEAD' ? undefined : '{"a":{"b":[1,2]},"__proto__":{"x":1}}',
      })
    } catch {
      continue // a path or method Fetch itself refuses: no app could send it
    }
    const response = await mock.respond(request)
    await response?.text()
    await mock.explain(new Request(request.url, { method }))
  }
}

describe.each([
  ['postman-echo-v1.postman_collection.json', undefined],
  ['microcks-petstore-v1.postman_collection.json', undefined],
  ['postman-echo-v2.1.postman_collection.json', undefined],
  ['k6-nested-folders-v2.0.postman_collection.json', undefined],
  ['microcks-films-graphql.postman_collection.json', undefined],
  ['roxyapi-crystals.postman_collection.json', 'roxyapi-crystals.postman_environment.json'],
])('%s with nodes of the wrong shape', (collectionFile, environmentFile) => {
  const collection = fixture(collectionFile)
  const environment = environmentFile ? fixture(environmentFile) : undefined
  const nodes = nodesOf(collection)

  test('loads or throws a PostmockError with a path; answers never throw', async () => {
    await fc.assert(
      fc.asyncProperty(mutations, fc.boolean(), async (changes, strict) => {
        const undo: Array<() => void> = []
        for (const [index, value] of changes) {
          const [parent, key] = nodes[index % nodes.length]!
          const target = parent as Record<string | number, unknown>
          const before = target[key]
          target[key] = value
          undo.unshift(() => {
            target[key] = before
          })
        }
        try {
          const warnings: PostmockWarning[] = []
          let mock: ReturnType<typeof createPostmanMock>
          try {
            mock = createPostmanMock(collection, { environment, strict, onWarning: (w) => warnings.push(w) })
          } catch (error) {
            expect(error).toBeInstanceOf(PostmockError)
            expect((error as PostmockError).path).toEqual(expect.any(String))
            expect((error as Error).message).toMatch(/^\[postmock\] Failed to /)
            return
          }
          for (const warning of warnings) {
            expect(warning.path).toEqual(expect.any(String))
            expect(warning.message).toMatch(/^\[postmock\] Failed to /)
          }
          await answerSome(mock)
        } finally {
          for (const restore of undo) restore()
        }
      }),
      { numRuns: 150 },
    )
  })
})
