/**
 * The six runner configurations of the matrix, the toolchains they can run with, and how to write and
 * run one project per configuration. The projects live in test/interception/.projects/run-<pid>/<runner>,
 * so node resolution finds this package's node_modules (the clients, Jest, @postmock/*); each run
 * writes the runner's JSON report and the tests' observations beside it.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  COLLECTION,
  ENVIRONMENT,
  readOutcomes,
  runNode,
  suiteMessages,
  type TestOutcome,
} from '../../../../packages/adapter-node/test/project-kit.js'
import type { Client } from './clients.js'
import {
  controlFile,
  innerFile,
  LIBRARIES,
  type ModuleSystem,
  OBSERVATIONS_ENV,
  PORTS_ENV,
  type Runner,
  TOOLCHAIN_TITLE,
  typedClient,
} from './inner-file.js'

export const MATRIX_DIR = resolve(import.meta.dirname, '../..')
/** This run's projects: one folder per process, so that two runs at once (a bench, `npm test`) never share one. */
export const PROJECTS_DIR = join(MATRIX_DIR, '.projects', `run-${process.pid}`)

/**
 * Another build to run the matrix against: a folder holding built `core`, `adapter-node`, `vitest` and
 * `jest` packages with their node_modules (e.g. an older commit's `packages/`, built). Unset: this
 * workspace's packages.
 */
export const OTHER_BUILD = process.env.POSTMOCK_MATRIX_PACKAGES

/**
 * What runs the generated projects. The runners are started with the Node running the outer suite
 * (`process.execPath`): Node 24 under `pnpm test`, the system Node 20 under packages/compat-msw2.
 */
export interface Toolchain {
  /** One line for the summary: the Node, msw and runners. */
  label: string
  /** The majors every inner run must report (its `process.version`, and the msw its tests import). */
  expect: { node: number; msw: number }
  /** The Vitest CLI (`vitest.mjs`). */
  vitest: string
  /** The Jest CLI (`bin/jest.js`). */
  jest: string
  /**
   * Vite aliases for the Vitest projects (e.g. `msw` to another copy); the @postmock/* builds are
   * then inlined so that their own imports get them too.
   */
  vitestAliases?: ReadonlyArray<{ find: RegExp; replacement: string }>
  /** Jest's `moduleNameMapper`, per module system of the test files. */
  jestModuleNameMapper?: (system: ModuleSystem) => Record<string, string>
  /**
   * CJS Jest projects transform node_modules too, with @swc/jest to CommonJS: for a Node that cannot
   * evaluate an ES module through Jest's `require` (below 24.9), e.g. msw 2's CJS build requiring rettime.
   */
  jestCjsTransformsNodeModules?: boolean
}

/** The matrix's own toolchain: this package's Vitest 5, Jest 30 and msw 3, on the Node of `pnpm test` (24). */
export const WORKSPACE_TOOLCHAIN: Toolchain = {
  label: "this package's Vitest 5, Jest 30 and msw 3",
  expect: { node: 24, msw: 3 },
  vitest: join(MATRIX_DIR, 'node_modules/vitest/vitest.mjs'),
  jest: join(MATRIX_DIR, 'node_modules/jest/bin/jest.js'),
}

export interface RunnerConfig {
  id: string
  runner: Runner
  system: ModuleSystem
  dom: boolean
  /** Runs the passthrough control file beside the matrix file. */
  control?: boolean
}

export const RUNNERS: readonly RunnerConfig[] = [
  { id: 'vitest-node', runner: 'vitest', system: 'esm', dom: false, control: true },
  { id: 'vitest-jsdom', runner: 'vitest', system: 'esm', dom: true },
  { id: 'jest-esm-node', runner: 'jest', system: 'esm', dom: false },
  { id: 'jest-cjs-node', runner: 'jest', system: 'cjs', dom: false },
  { id: 'jest-esm-jsdom', runner: 'jest', system: 'esm', dom: true },
  { id: 'jest-cjs-jsdom', runner: 'jest', system: 'cjs', dom: true },
]

/** The clients a configuration runs: XMLHttpRequest-based ones only under jsdom. */
export const clientsOf = (config: RunnerConfig, clients: readonly Client[]): Client[] =>
  clients.filter((client) => config.dom || !client.domOnly)

const INNER_TIMEOUTS = { testTimeout: 15_000, hookTimeout: 30_000 }

/**
 * The @postmock/* builds by their real paths, wherever they are (this workspace's packages/, or
 * OTHER_BUILD), and not a runner's own dist in node_modules (vitest/dist).
 */
const POSTMOCK_BUILDS = /^(?!.*\/node_modules\/).*\/(core|adapter-node|vitest|jest)\/dist\//

function vitestConfig(config: RunnerConfig, toolchain: Toolchain): string {
  const test = {
    include: ['*.test.ts'],
    environment: config.dom ? 'jsdom' : 'node',
    ...INNER_TIMEOUTS,
    teardownTimeout: 5_000,
  }
  const aliases = toolchain.vitestAliases ?? []
  if (!aliases.length) return `export default { test: ${JSON.stringify(test)} }\n`
  const alias = aliases.map((a) => `{ find: ${a.find}, replacement: ${JSON.stringify(a.replacement)} }`)
  return `export default {
  resolve: { alias: [${alias.join(', ')}] },
  test: { ...${JSON.stringify(test)}, server: { deps: { inline: [${POSTMOCK_BUILDS}] } } },
}
`
}

function jestConfig(config: RunnerConfig, toolchain: Toolchain): string {
  const swc = {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: config.system === 'esm' ? 'es6' : 'commonjs' },
  }
  const transformAll = config.system === 'cjs' && toolchain.jestCjsTransformsNodeModules
  return `module.exports = ${JSON.stringify(
    {
      testMatch: ['<rootDir>/*.test.ts'],
      testEnvironment: config.dom ? 'jest-fixed-jsdom' : 'node',
      ...(config.system === 'esm' ? { extensionsToTreatAsEsm: ['.ts'] } : {}),
      transform: {
        '^.+\\.ts$': ['@swc/jest', swc],
        ...(transformAll ? { '^.+\\.(c|m)?js$': ['@swc/jest', { module: { type: 'commonjs' } }] } : {}),
      },
      ...(transformAll ? { transformIgnorePatterns: [] } : {}),
      ...(toolchain.jestModuleNameMapper
        ? { moduleNameMapper: toolchain.jestModuleNameMapper(config.system) }
        : {}),
      cacheDirectory: '<rootDir>/.cache',
      testTimeout: INNER_TIMEOUTS.testTimeout,
    },
    null,
    2,
  )}\n`
}

interface PackageInfo {
  name: string
  version: string
  engines?: { node?: string }
}

/** The client libraries' packages as this package installed them (msw is not a client: left out). */
function libraryPackages(): Array<[name: string, pkg: PackageInfo]> {
  return LIBRARIES.filter(([name]) => name !== 'msw').map(([name, specifier]) => [
    name,
    JSON.parse(readFileSync(join(MATRIX_DIR, 'node_modules', specifier, 'package.json'), 'utf8')),
  ])
}

const describePackage = (pkg: PackageInfo) =>
  `${pkg.name} ${pkg.version}${pkg.engines?.node ? ` declares node ${pkg.engines.node}` : ''}`

/** Whether `version` (x.y.z) is below the `>=x.y.z` minimum of an engines range (other forms: not read). */
function belowMinimum(version: string, range: string): boolean {
  const minimum = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim())
  if (!minimum) return false
  const have = version.split('.').map(Number)
  for (let i = 0; i < 3; i++) {
    const want = Number(minimum[i + 1] ?? 0)
    if ((have[i] ?? 0) !== want) return (have[i] ?? 0) < want
  }
  return false
}

/** The client packages whose declared `engines.node` minimum is above the Node running the runners. */
export function librariesBelowEngines(): string[] {
  return libraryPackages()
    .filter(([, pkg]) => pkg.engines?.node && belowMinimum(process.versions.node, pkg.engines.node))
    .map(([, pkg]) => describePackage(pkg))
}

/** Writes the project of one configuration (replacing an older one) and returns its folder. */
export function writeRunnerProject(
  config: RunnerConfig,
  clients: readonly Client[],
  toolchain: Toolchain,
): string {
  const dir = join(PROJECTS_DIR, config.id)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const files: Record<string, string> = {
    'matrix.test.ts': innerFile({
      runner: config.runner,
      system: config.system,
      clients: clientsOf(config, clients),
      collection: COLLECTION,
      environment: ENVIRONMENT,
      engines: Object.fromEntries(libraryPackages().map(([name, pkg]) => [name, describePackage(pkg)])),
    }),
    [config.system === 'esm' ? 'typed-client.ts' : 'typed-client.cjs']: typedClient(config.system),
  }
  if (config.runner === 'vitest') files['vitest.config.mjs'] = vitestConfig(config, toolchain)
  else files['jest.config.cjs'] = jestConfig(config, toolchain)
  if (config.control)
    files['control.test.ts'] = controlFile(config.runner, config.system, COLLECTION, ENVIRONMENT)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  if (OTHER_BUILD) {
    mkdirSync(join(dir, 'node_modules/@postmock'), { recursive: true })
    for (const name of ['core', 'vitest', 'jest'])
      symlinkSync(resolve(OTHER_BUILD, name), join(dir, 'node_modules/@postmock', name), 'dir')
  }
  return dir
}

/** What one run of a configuration left: each test's outcome and observations, and the output. */
export interface RunnerRun {
  config: RunnerConfig
  code: number
  output: string
  /** Suite-level messages of the report (a file that failed to load), or why there is no report. */
  suiteMessage: string
  outcomes: Record<string, TestOutcome>
  observations: Record<string, Observation>
  /** The Node and msw major the generated file reported (see TOOLCHAIN_TITLE); undefined if it never loaded. */
  toolchain: { node: string; msw: number | string } | undefined
  seconds: number
}

/** What a generated test recorded: its client's outcome(s) and the DNS lookups made during it. */
export interface Observation {
  outcomes: string[]
  lookups: string[]
}

/** Runs the real runner on a written project with the counters' ports (never rejects). */
export async function runProject(
  config: RunnerConfig,
  dir: string,
  ports: Record<string, number>,
  toolchain: Toolchain,
): Promise<RunnerRun> {
  const report = join(dir, 'report.json')
  const observationsFile = join(dir, 'observations.jsonl')
  const env: Record<string, string> = {
    [PORTS_ENV]: JSON.stringify(ports),
    [OBSERVATIONS_ENV]: observationsFile,
    NODE_OPTIONS: config.runner === 'jest' ? '--experimental-vm-modules --no-warnings' : '',
  }
  const args =
    config.runner === 'vitest'
      ? [toolchain.vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]
      : [toolchain.jest, '--json', `--outputFile=${report}`, '--forceExit']
  const started = performance.now()
  const { code, output } = await runNode(dir, args, env)
  const seconds = (performance.now() - started) / 1000
  const observations: Record<string, Observation> = {}
  let reported: RunnerRun['toolchain']
  if (existsSync(observationsFile)) {
    for (const line of readFileSync(observationsFile, 'utf8').split('\n')) {
      if (!line) continue
      const { title, ...observation } = JSON.parse(line)
      if (title === TOOLCHAIN_TITLE) reported = observation
      else observations[title] = observation
    }
  }
  const common = { config, code, output, observations, toolchain: reported, seconds }
  if (!existsSync(report)) return { ...common, suiteMessage: 'no report written', outcomes: {} }
  return { ...common, suiteMessage: suiteMessages(report).trim(), outcomes: readOutcomes(report) }
}

/** Runs `jobs` with at most `limit` at a time, keeping their order in the results. */
export async function inBatches<T>(jobs: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++
      results[index] = await jobs[index]!()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker))
  return results
}
