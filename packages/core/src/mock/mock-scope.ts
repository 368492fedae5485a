import type { CallFilter, MockOverride, PostmanMock, RecordedCall } from '../glossary.js'
import { PostmockError, postmockError } from '../messages.js'

/**
 * One test scope of an adapter: a core mock per source (each with its own overrides and recorded
 * calls) and the reports of the unmatched or refused requests made in it, which fail the test when the
 * scope ends. The Node adapters (a scope per test file, per concurrent test, per `isolate()`) and
 * Vitest's browser mode share it.
 *
 * @example
 * const scope = new MockScope([createPostmanMock(collection)])
 * scope.use([{ request: 'Get user', code: 401 }])
 * const mock = scope.serving('https://api.example.com/users/1')
 */
export class MockScope {
  /** Reports of unmatched or refused requests, resolved when the scope ends. */
  readonly problems: Array<Promise<string>> = []

  constructor(readonly mocks: readonly PostmanMock[]) {}

  /** The mock serving this URL's origin (the first source that serves it), if any. */
  serving(url: string): PostmanMock | undefined {
    return this.mocks.find((mock) => mock.serves(url))
  }

  /** The mock serving the request's origin, else the first (whose answer says the origin is not served). */
  mockFor(request: Request, action: 'explain' | 'verify'): PostmanMock {
    const mock = this.serving(request.url) ?? this.mocks[0]
    if (mock) return mock
    throw postmockError(
      'INVALID_OPTION',
      `${action} the request`,
      'no collection is loaded',
      `Call ${action}() inside a test`,
    )
  }

  /**
   * Applies overrides to every mock that accepts them. A named `request` that one collection does not
   * have is only an error when no collection has it.
   */
  use(overrides: MockOverride[]): () => void {
    const undo: Array<() => void> = []
    let firstError: unknown
    for (const mock of this.mocks) {
      try {
        undo.push(mock.use(...overrides))
      } catch (error) {
        firstError ??= error
      }
    }
    if (!undo.length && firstError !== undefined) throw firstError
    return () => {
      for (const fn of undo) fn()
    }
  }

  calls(filter?: CallFilter): RecordedCall[] {
    return this.mocks.flatMap((mock) => mock.calls(filter))
  }

  reset(): void {
    for (const mock of this.mocks) mock.reset()
    this.problems.length = 0
  }
}

/**
 * The error that fails a test: every unmatched or refused request of that test, in order. Its stack is
 * the message alone: the frames would only be postmock's, and the report already names the request.
 *
 * @example
 * const reports = await Promise.all(scope.problems)
 * if (reports.length) throw problemsError(reports)
 */
export function problemsError(reports: readonly string[]): PostmockError {
  const text =
    reports.length === 1
      ? reports[0]!
      : `[postmock] ${reports.length} requests in this test were not answered from the collection:\n\n${reports.join('\n\n')}`
  const code = reports.every((report) => report.includes('Failed to send'))
    ? 'UNSERVED_ORIGIN'
    : 'UNMATCHED_REQUEST'
  const error = new PostmockError(code, text)
  error.stack = `${error.name}: ${text}`
  return error
}
