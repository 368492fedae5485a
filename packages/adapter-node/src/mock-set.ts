import type { CallFilter, MockOverride, PostmanMock, RecordedCall } from '@postmock/core'
import type { MockFactory } from './sources.js'

/**
 * One scope's mocks: a core mock per source, with its own overrides and recorded calls, plus the
 * problems (unmatched or refused requests) seen in that scope. The session has one shared set; each
 * isolated scope (a concurrent test, `isolate()`) gets a fresh one.
 */
export class MockSet {
  readonly mocks: readonly PostmanMock[]
  /** Reports of unmatched or refused requests, resolved when the scope ends. */
  readonly problems: Array<Promise<string>> = []

  constructor(factories: readonly MockFactory[]) {
    this.mocks = factories.map((factory) => factory.create())
  }

  /** The mock serving this URL's origin (the first source that serves it), if any. */
  serving(url: string): PostmanMock | undefined {
    return this.mocks.find((mock) => mock.serves(url))
  }

  /**
   * Applies overrides to every mock that accepts them. A named `request` that one collection does
   * not have is only an error when no collection has it.
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
