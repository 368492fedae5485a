/**
 * @postmock/adapter-node: the runner-independent part of `@postmock/vitest` and `@postmock/jest`:
 * reading the sources, the interception that answers or refuses every request, per-test scopes, the report that fails
 * a test on an unmatched or refused request, and the start-up check.
 */
import { preloadRuntime } from './runtime.js'

// ESM build: load msw and core up front so a broken environment gives one clear message (runtime.ts).
// The CJS build loads them with `require` on first use instead.
if (!__POSTMOCK_CJS__) await preloadRuntime()

export { type RunnerHooks, type RunnerTask, setupWithRunnerHooks } from './bind-hooks.js'
export type { TestIdentity } from './example-coverage/test-identity.js'
export type { OnUnmatched, PostmanSource, PostmanSourceEntry, SetupPostmanMocksOptions } from './options.js'
export {
  createPostmockSession,
  type PostmanMocks,
  type PostmockSession,
  type SessionRunner,
} from './session.js'
export { missingGlobals } from './startup-check.js'
export type { PostmockServer } from './user-handlers.js'
