import { createPostmanMock } from '@postmock/core'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { caseCollection, caseRequest, cases } from './conformance/cases.js'
import { checkAnswer } from './conformance/check.js'

const quiet = { onWarning: () => {} }

describe('conformance through respond()', () => {
  test.each(cases.map((c) => [`${c.id} [${c.rule}]`, c] as const))('%s', async (_name, c) => {
    const mock = createPostmanMock(caseCollection(c), { ...quiet, ...c.options })
    const started = performance.now()
    const response = await mock.respond(caseRequest(c))
    expect(await checkAnswer(c, response, performance.now() - started)).toEqual([])
  })
})

describe('conformance through msw setupServer and the global fetch', () => {
  const server = setupServer()
  const strict = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as Parameters<
    typeof server.listen
  >[0]
  beforeAll(() => server.listen(strict))
  afterAll(() => server.close())

  test.each(cases.map((c) => [`${c.id} [${c.rule}]`, c] as const))('%s', async (_name, c) => {
    const mock = createPostmanMock(caseCollection(c), { ...quiet, ...c.options })
    server.resetHandlers(...mock.handlers)
    const started = performance.now()
    let response: Response | undefined
    try {
      response = await fetch(caseRequest(c))
    } catch (error) {
      // An unserved origin is refused by msw's "error" strategy: fetch rejects, nothing reaches the network.
      if (!c.expect.unserved) throw error
    }
    expect(await checkAnswer(c, response, performance.now() - started)).toEqual([])
  })
})

describe('requests caught by a handler pattern but served by no site', () => {
  const server = setupServer()
  const strict = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as Parameters<
    typeof server.listen
  >[0]
  beforeAll(() => server.listen(strict))
  afterAll(() => server.close())

  test('get a network error, never a pass-through', async () => {
    const mock = createPostmanMock(caseCollection(cases[0]!), quiet)
    server.resetHandlers(...mock.handlers)
    // `*` in the handler's host pattern also matches a dotted label, which is no mock id.
    const error = await fetch('https://a.b.mock.pstmn.io/users').then(
      () => undefined,
      (e: Error & { cause?: { code?: string; syscall?: string } }) => e,
    )
    expect(error).toBeInstanceOf(TypeError)
    // A request let through would have tried DNS (getaddrinfo ENOTFOUND on this closed network).
    expect(error?.cause?.syscall).toBeUndefined()
    expect(JSON.stringify(error?.cause ?? {})).not.toContain('ENOTFOUND')
    expect(mock.calls()).toEqual([])
  })
})
