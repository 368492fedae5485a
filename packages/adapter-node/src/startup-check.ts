/**
 * The start-up check: when the test environment cannot run msw (no fetch globals under plain jsdom,
 * msw being an ES module that Jest cannot `require` without `--experimental-vm-modules`, msw 3 on an
 * old Node…), the adapters throw ONE actionable `[postmock]` error instead of a stack trace.
 */

const FETCH_GLOBALS = ['fetch', 'Request', 'Response', 'Headers', 'TextEncoder', 'ReadableStream'] as const

/** The fetch-API globals msw needs that this environment lacks (plain jsdom removes them). */
export function missingGlobals(): string[] {
  const scope = globalThis as Record<string, unknown>
  return FETCH_GLOBALS.filter((name) => typeof scope[name] !== 'function')
}

/**
 * Core may be the very thing that failed to load, so this message cannot go through core's
 * `formatMessage`; it keeps the same house format: `[postmock] Failed to <verb>: <reason>. <todo>.`
 */
function startupMessage(reason: string, todo: string): string {
  return `[postmock] Failed to start the Postman mocks: ${reason}. ${todo}`
}

const JEST_VM_MODULES =
  'Run Jest with NODE_OPTIONS=--experimental-vm-modules on Node >= 24.9 (for example "test": "NODE_OPTIONS=--experimental-vm-modules jest"), which lets Jest load ES modules from CJS and ESM test files.'

/** What the ES-module advice depends on: the Node version, and whether Jest already runs with the flag. */
export interface JestRuntime {
  node: string
  vmModules: boolean
}

function currentJestRuntime(): JestRuntime {
  const flag = '--experimental-vm-modules'
  return {
    node: process.versions.node,
    vmModules:
      process.execArgv.includes(flag) || (process.env.NODE_OPTIONS ?? '').split(/\s+/).includes(flag),
  }
}

/** Jest evaluates an ES module reached by `require()` only on Node >= 24.9, and only with the flag. */
function requiresEsm(node: string): boolean {
  const [major = 0, minor = 0] = node.split('.').map(Number)
  return major > 24 || (major === 24 && minor >= 9)
}

/** The advice when Jest could not load msw, an ES module, for the Node and flags this run has. */
function esmTodo({ node, vmModules }: JestRuntime): string {
  if (!requiresEsm(node)) {
    return `On Node ${node}, Jest cannot load an ES module from a CommonJS test file${vmModules ? ', even with --experimental-vm-modules (that needs Node >= 24.9)' : ''}. Either write the test files as ES modules (.mjs, or .ts through @swc/jest with module type "es6" and extensionsToTreatAsEsm) and run Jest with NODE_OPTIONS=--experimental-vm-modules, or compile node_modules to CommonJS (transform ["@swc/jest", { module: { type: "commonjs" } }] for .js/.mjs/.ts files, with transformIgnorePatterns: []), or use Node >= 24.9.`
  }
  if (vmModules) {
    return 'Jest runs with --experimental-vm-modules already; check that nothing in transformIgnorePatterns or moduleNameMapper sends msw to a CommonJS transform, then run the tests again.'
  }
  return JEST_VM_MODULES
}

const TODO = {
  globals:
    "Use the test environment 'jest-fixed-jsdom' (npm i -D jest-fixed-jsdom; testEnvironment: 'jest-fixed-jsdom'): it is jsdom with Node's fetch API kept.",
  esm: JEST_VM_MODULES, // replaced by esmTodo() for the Node and flags of the run
  node: 'Use Node >= 22.12 with msw 3, or msw ^2.15 on older Node.',
  browser:
    "The test environment resolves packages with the 'browser' export condition (jest-environment-jsdom does), where @mswjs/interceptors' Node entries do not exist. Use testEnvironment: 'jest-fixed-jsdom', or set testEnvironmentOptions: { customExportConditions: [''] }.",
  install: 'Install msw as a dev dependency (npm i -D msw): postmock serves your collection through it.',
  load: 'Check that msw (^2.15 or ^3) and @postmock/core are installed, then run the tests again.',
} as const

type Problem = keyof typeof TODO

/** Builds the start-up error; its stack is its message, so runners print one readable block. */
export function startupError(problem: Problem, detail: string, todo: string = TODO[problem]): Error {
  const reason =
    problem === 'globals'
      ? `this test environment has no ${detail} (postmock and msw need the fetch API; Jest's plain jsdom environment removes it)`
      : detail
  const error = new Error(startupMessage(reason, todo))
  error.name = 'PostmockError'
  Object.assign(error, { code: 'MISSING_RUNTIME' })
  error.stack = error.message
  return error
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Turns the error thrown while loading msw or core into the start-up error that says what to do. */
export function diagnoseLoadFailure(error: unknown, jest: JestRuntime = currentJestRuntime()): Error {
  const text = messageOf(error)
  const first = text.split('\n')[0] ?? text
  if (
    /Must use import to load ES Module|ERR_REQUIRE_ESM|require\(\) of ES Module|experimental-vm-modules|vm modules|VM API|dynamic import callback/i.test(
      text,
    )
  ) {
    return startupError('esm', `Jest could not load msw, an ES module (${first})`, esmTodo(jest))
  }
  if (/withResolvers|intersection is not a function|groupBy/.test(text)) {
    return startupError(
      'node',
      `msw 3 needs Node >= 22.12 and this is Node ${process.versions.node} (${first})`,
    )
  }
  if (
    /Cannot find module ['"]?(msw\/node|@mswjs\/interceptors\/(http|net))|(msw\/node|@mswjs\/interceptors).*(not found|resolve)|Package subpath '\.\/(node|http|net)'/i.test(
      text,
    )
  ) {
    return startupError('browser', `the Node interceptors could not be resolved (${first})`)
  }
  if (/Cannot find (module|package) ['"]?msw/i.test(text))
    return startupError('install', `msw is not installed (${first})`)
  return startupError('load', `msw or @postmock/core could not be loaded (${first})`)
}
