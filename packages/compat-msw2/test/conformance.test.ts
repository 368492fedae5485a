/**
 * The conformance cases of test/conformance (shared with the msw 3 / Node 24 suite), run on msw 2 and
 * Node 20: through `respond()` and through msw 2's `setupServer` with the global fetch.
 */
import { createPostmanMock } from '@postmock/core'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { caseCollection, caseRequest, cases } from '../../../test/conformance/cases.js'
import { checkAnswer } from '../../../test/conformance/check.js'

const quiet = { onWarning: () => {} }
const named = cases.map((c) => [`${c.id} [${c.rule}]`, c] as const)

describe('conformance through respond() (msw 2, Node 20)', () => {
  test.each(named)('%s', async (_name, c) => {
    const mock = createPostmanMock(caseCollection(c), { ...quiet, ...c.options })
    const started = performance.now()
    const response = await mock.respond(caseRequest(c))
    expect(await checkAnswer(c, response, performance.now() - started)).toEqual([])
  })
})

describe('conformance through msw 2 setupServer and the global fetch (Node 20)', () => {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  test.each(named)('%s', async (_name, c) => {
    const mock = createPostmanMock(caseCollection(c), { ...quiet, ...c.options })
    server.resetHandlers(...mock.handlers)
    const started = performance.now()
    let response: Response | undefined
    try {
      response = await fetch(caseRequest(c))
    } catch (error) {
      // msw 2's "error" strategy refuses an unserved origin: fetch rejects, nothing reaches the network.
      if (!c.expect.unserved) throw error
    }
    expect(await checkAnswer(c, response, performance.now() - started)).toEqual([])
  })
})
