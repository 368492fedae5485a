import type { ConformanceCase } from './cases.js'

const NOT_FOUND = {
  'no-matching-requests': {
    name: 'mockRequestNotFoundError',
    message: 'Double check your method and the request path and try again.',
    header: 'No matching requests',
  },
  'you-need-an-example': {
    name: 'mockRequestNotFoundError',
    message: 'To mock this request add an example response for the mock server to return.',
    header: 'You need an example',
  },
}

/**
 * Compares an answer with a case's expectation; returns what differs (empty when it conforms).
 * Runner-independent, so Node, msw 2 and the browser suites share it.
 */
export async function checkAnswer(
  c: ConformanceCase,
  response: Response | undefined,
  elapsed: number,
): Promise<string[]> {
  const problems: string[] = []
  const { expect } = c
  if (expect.unserved) {
    if (response !== undefined) problems.push(`expected the origin to be unserved, got ${response.status}`)
    return problems
  }
  if (!response) return ['expected an answer, got none (origin not served)']
  const text = await response.text()
  const want = (what: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      problems.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
    }
  }
  if (expect.notFound) {
    want('status', response.status, 404)
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      body = text
    }
    want('not-found body', body, { error: NOT_FOUND[expect.notFound] })
  }
  if (expect.unauthorized) {
    want('status', response.status, 401)
    const body = JSON.parse(text) as { error?: { name?: string } }
    want('error name', body.error?.name, 'AuthenticationError')
  }
  if (expect.example !== undefined) {
    let body: { example?: string } | undefined
    try {
      body = JSON.parse(text)
    } catch {
      body = undefined
    }
    want('example', body?.example, expect.example)
  }
  if (expect.status !== undefined) want('status', response.status, expect.status)
  if (expect.statusText !== undefined) want('status text', response.statusText, expect.statusText)
  if (expect.body !== undefined) want('body', text, expect.body)
  if (expect.bodyPattern && !expect.bodyPattern.test(text))
    problems.push(`body ${JSON.stringify(text)} does not match ${expect.bodyPattern}`)
  for (const [name, value] of Object.entries(expect.headers ?? {}))
    want(`header ${name}`, response.headers.get(name), value)
  if (expect.minDelay !== undefined && elapsed < expect.minDelay)
    problems.push(`answered after ${elapsed} ms, expected at least ${expect.minDelay} ms`)
  return problems
}
