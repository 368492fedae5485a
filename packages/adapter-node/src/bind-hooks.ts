import type { TestIdentity } from './example-coverage/test-identity.js'
import type { PostmanSource, SetupPostmanMocksOptions } from './options.js'
import { createPostmockSession, type PostmanMocks } from './session.js'

type Hook = (fn: () => Promise<void> | void) => unknown

/** The test runner's hooks an adapter hands over: Jest's and Vitest's have these shapes. */
export interface RunnerHooks {
  beforeAll: Hook
  afterAll: Hook
  afterEach: Hook
  /**
   * Vitest's `aroundEach` (4.1+): when present, each concurrent test runs in its own scope, and
   * `afterEach` is not used.
   */
  aroundEach?: (fn: (run: () => Promise<void>, context: { task?: RunnerTask }) => Promise<void>) => unknown
  /**
   * The running test, for example-coverage reports (which tests got each example), e.g.
   * `() => ({ name: expect.getState().currentTestName, file: expect.getState().testPath })`.
   */
  currentTest?: () => TestIdentity | undefined
}

/** What the adapters read of Vitest's test task (`aroundEach`'s `context.task`). */
export interface RunnerTask {
  concurrent?: boolean
  /** `describe > test`. */
  fullTestName?: string
  file?: { filepath?: string }
}

function taskIdentity(task: RunnerTask | undefined): TestIdentity | undefined {
  return task?.fullTestName ? { name: task.fullTestName, file: task.file?.filepath } : undefined
}

/**
 * What both adapters' `setupPostmanMocks()` do: create the session and register the runner's hooks.
 *
 * @example
 * import { afterAll, afterEach, beforeAll } from '@jest/globals'
 * export const setupPostmanMocks = (source, options) =>
 *   setupWithRunnerHooks({ beforeAll, afterEach, afterAll }, source, options)
 */
export function setupWithRunnerHooks(
  hooks: RunnerHooks,
  source: PostmanSource | readonly PostmanSource[],
  options?: SetupPostmanMocksOptions,
): PostmanMocks {
  const session = createPostmockSession(source, options, { currentTest: hooks.currentTest })
  hooks.beforeAll(() => session.start())
  if (hooks.aroundEach) {
    hooks.aroundEach((run, context) =>
      session.runTest(run, context?.task?.concurrent === true, taskIdentity(context?.task)),
    )
  } else {
    hooks.afterEach(() => session.endTest())
  }
  hooks.afterAll(() => session.stop())
  return session.mocks
}
