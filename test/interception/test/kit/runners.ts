/**
 * The six runner configurations of the matrix, and how to write and run one project per
 * configuration. The projects live in test/interception/.projects/run-<pid>/<runner>, so node resolution finds
 * this package's node_modules (the runners, the clients, @postmock/*); each run writes the runner's
 * JSON report and the tests' observations beside it.
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
  type ModuleSystem,
  OBSERVATIONS_ENV,
  PORTS_ENV,
  type Runner,
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

function vitestConfig(config: RunnerConfig): string {
  const test = {
    include: ['*.test.ts'],
    environment: config.dom ? 'jsdom' : 'node',
    ...INNER_TIMEOUTS,
    teardownTimeout: 5_000,
  }
  return `export default { test: ${JSON.stringify(test)} }\n`
}

function jestConfig(config: RunnerConfig): string {
  const swc = {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: config.system === 'esm' ? 'es6' : 'commonjs' },
  }
  return `module.exports = ${JSON.stringify(
    {
      testMatch: ['<rootDir>/*.test.ts'],
      testEnvironment: config.dom ? 'jest-fixed-jsdom' : 'node',
      ...(config.system === 'esm' ? { extensionsToTreatAsEsm: ['.ts'] } : {}),
      transform: { '^.+\\.ts$': ['@swc/jest', swc] },
      cacheDirectory: '<rootDir>/.cache',
      testTimeout: INNER_TIMEOUTS.testTimeout,
    },
    null,
    2,
  )}\n`
}

/** Writes the project of one configuration (replacing an older one) and returns its folder. */
export function writeRunnerProject(config: RunnerConfig, clients: readonly Client[]): string {
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
    }),
    [config.system === 'esm' ? 'typed-client.ts' : 'typed-client.cjs']: typedClient(config.system),
  }
  if (config.runner === 'vitest') files['vitest.config.mjs'] = vitestConfig(config)
  else files['jest.config.cjs'] = jestConfig(config)
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
  seconds: number
}

/** What a generated test recorded: its client's outcome(s) and the DNS lookups made during it. */
export interface Observation {
  outcomes: string[]
  lookups: string[]
}

const VITEST = join(MATRIX_DIR, 'node_modules/vitest/vitest.mjs')
const JEST = join(MATRIX_DIR, 'node_modules/jest/bin/jest.js')

/** Runs the real runner on a written project with the counters' ports (never rejects). */
export async function runProject(
  config: RunnerConfig,
  dir: string,
  ports: Record<string, number>,
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
      ? [VITEST, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]
      : [JEST, '--json', `--outputFile=${report}`, '--forceExit']
  const started = performance.now()
  const { code, output } = await runNode(dir, args, env)
  const seconds = (performance.now() - started) / 1000
  const observations: Record<string, Observation> = {}
  if (existsSync(observationsFile)) {
    for (const line of readFileSync(observationsFile, 'utf8').split('\n')) {
      if (!line) continue
      const { title, ...observation } = JSON.parse(line) as Observation & { title: string }
      observations[title] = observation
    }
  }
  if (!existsSync(report))
    return { config, code, output, suiteMessage: 'no report written', outcomes: {}, observations, seconds }
  return {
    config,
    code,
    output,
    suiteMessage: suiteMessages(report).trim(),
    outcomes: readOutcomes(report),
    observations,
    seconds,
  }
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
