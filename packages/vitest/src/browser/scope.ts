import type { CallFilter, MockOverride, PostmanMock, RecordedCall } from '@postmock/core'

/**
 * One scope's mocks in the browser: a core mock per source (with its own overrides and recorded
 * calls) and the reports of the unmatched or refused requests made in it. A file has one shared
 * scope; `isolate()` runs its function in a fresh one.
 */
export class BrowserScope {
  /** Reports of unmatched or refused requests, resolved when the scope ends. */
  readonly problems: Array<Promise<string>> = []

  constructor(readonly mocks: readonly PostmanMock[]) {}

  /** The mock serving this URL's origin (the first source that serves it), if any. */
  serving(url: string): PostmanMock | undefined {
    return this.mocks.find((mock) => mock.serves(url))
  }

  /** Applies overrides to every mock that accepts them; an error only when none does. */
  use(overrides: MockOverride[]): () => void {
    const undo: Array<() => void> = []
    const errors: unknown[] = []
    for (const mock of this.mocks) {
      try {
        undo.push(mock.use(...overrides))
      } catch (error) {
        errors.push(error)
      }
    }
    if (!undo.length && errors.length) throw errors[0]
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
