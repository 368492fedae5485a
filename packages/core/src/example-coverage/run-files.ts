/**
 * Node only, exported from `@postmock/core/node`: the files of a coverage run. A reporter starts a
 * run directory in the main process and names it in `POSTMOCK_COVERAGE_DIR` before any worker starts
 * (workers inherit the environment); every test file's session writes a fragment there; the reporter
 * merges them when the run ends. The CLI's `postmock coverage merge` reads report files instead.
 */
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { postmockError } from '../messages.js'
import { coverageMarkdown } from './markdown.js'
import { type CoverageInput, mergeCoverage } from './merge.js'
import { coverageTable } from './table.js'
import { checkCoverageThreshold, validateThreshold } from './threshold.js'
import type { CoverageOptions, CoverageReport } from './types.js'

/** The environment variable naming the run directory fragments are written to. */
export const COVERAGE_DIR_ENV = 'POSTMOCK_COVERAGE_DIR'

let written = 0

/**
 * Creates a run directory and names it in `process.env.POSTMOCK_COVERAGE_DIR`, so that test workers
 * started afterwards write their fragments there. The directory is removed when the process exits.
 *
 * @example
 * class Reporter { dir = startCoverageRun() }
 */
export function startCoverageRun(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postmock-coverage-'))
  process.env[COVERAGE_DIR_ENV] = dir
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/**
 * Writes one fragment into the run directory, when a coverage reporter announced one
 * (`POSTMOCK_COVERAGE_DIR`); does nothing otherwise. Returns the file written.
 *
 * @example
 * writeCoverageFragment(recorder.report())
 */
export function writeCoverageFragment(report: CoverageReport): string | undefined {
  const dir = process.env[COVERAGE_DIR_ENV]
  if (!dir || report.collections.length === 0) return undefined
  const file = join(dir, `${process.pid}-${++written}-${Math.random().toString(36).slice(2, 10)}.json`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(file, JSON.stringify(report))
  return file
}

/**
 * Reads coverage files (fragments or reports) as merge inputs; a missing or non-JSON file throws a
 * `PostmockError` naming it.
 *
 * @example
 * const report = mergeCoverage(readCoverageFiles(['shard-1.json', 'shard-2.json']))
 */
export function readCoverageFiles(paths: readonly string[]): CoverageInput[] {
  return paths.map((path) => {
    let text: string
    try {
      text = readFileSync(path, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      throw postmockError(
        'FILE_NOT_FOUND',
        `read the coverage report ${path}`,
        code === 'ENOENT' ? 'no such file' : `${code ?? 'error'}: ${(error as Error).message}`,
        'Check the path',
        path,
      )
    }
    try {
      return { source: path, value: JSON.parse(text) as unknown }
    } catch (error) {
      throw postmockError(
        'INVALID_COVERAGE',
        `read the coverage report ${path}`,
        `not JSON (${(error as Error).message})`,
        'Pass the postmock-coverage.json a reporter wrote',
        path,
      )
    }
  })
}

/** What {@link finishCoverage} did. */
export interface CoverageOutcome {
  report: CoverageReport
  /** The terminal table, and the files written. */
  text: string
  /** Whether the threshold (if any) was met. */
  passed: boolean
  /** When not passed: the `[postmock]` message listing the unserved examples. */
  failure: string | undefined
  /** The files written (JSON report, Markdown summary, `$GITHUB_STEP_SUMMARY`). */
  files: string[]
}

function outputPath(options: CoverageOptions, name: string, cwd: string): string {
  return resolve(cwd, options.outputDir ?? '.', name)
}

function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}

/**
 * Merges the inputs, writes the JSON report and the Markdown summary the options ask for (and appends
 * the summary to `$GITHUB_STEP_SUMMARY` when set), and checks the threshold.
 *
 * @example
 * const outcome = finishCoverage(readCoverageFiles(files), { threshold: 80, json: 'postmock-coverage.json' })
 * console.log(outcome.table)
 * if (!outcome.passed) process.exitCode = 1
 */
export function finishCoverage(
  inputs: readonly CoverageInput[],
  options: CoverageOptions = {},
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): CoverageOutcome {
  const threshold = validateThreshold(options.threshold, 'coverage.threshold')
  const report = mergeCoverage(inputs)
  const files: string[] = []
  if (options.json !== false) {
    const path = outputPath(options, options.json ?? 'postmock-coverage.json', cwd)
    writeFile(path, `${JSON.stringify(report, null, 2)}\n`)
    files.push(path)
  }
  const markdown = coverageMarkdown(report, threshold)
  if (options.markdown) {
    const path = outputPath(options, options.markdown, cwd)
    writeFile(path, markdown)
    files.push(path)
  }
  const summary = env.GITHUB_STEP_SUMMARY
  if (summary) {
    appendFileSync(summary, `${markdown}\n`)
    files.push(summary)
  }
  const check = checkCoverageThreshold(report, threshold)
  const wrote = files.map((file) => {
    const near = relative(cwd, file)
    return near && !near.startsWith('..') && !isAbsolute(near) ? near : file
  })
  const text = `${coverageTable(report)}\n${wrote.length ? `\nWrote ${wrote.join(', ')}\n` : ''}`
  return { report, text, passed: check.met, failure: check.message, files }
}

/**
 * Reads and removes the fragments of a run directory ({@link startCoverageRun}), then
 * {@link finishCoverage}. The directory stays for the next run (watch mode).
 *
 * @example
 * const outcome = endCoverageRun(this.dir, { threshold: 80 })
 */
export function endCoverageRun(dir: string, options: CoverageOptions = {}): CoverageOutcome {
  let names: string[] = []
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json'))
  } catch {
    // no fragment was written (the directory is created on the first one)
  }
  const paths = names.sort().map((name) => join(dir, name))
  const inputs = readCoverageFiles(paths)
  for (const path of paths) rmSync(path, { force: true })
  return finishCoverage(inputs, options)
}

/**
 * Checks the reporters' `coverage` options (an object, or the reporter's options holding one) before
 * the run starts, so a bad threshold fails at once.
 *
 * @example
 * const options = coverageOptionsOf({ coverage: { threshold: 80 } })
 */
export function coverageOptionsOf(options: unknown): CoverageOptions {
  const value = (options ?? {}) as { coverage?: unknown } & CoverageOptions
  const coverage = (
    typeof value.coverage === 'object' && value.coverage !== null ? value.coverage : value
  ) as CoverageOptions
  validateThreshold(coverage.threshold, 'coverage.threshold')
  return coverage
}

/**
 * How coverage reports name a test: `<file relative to the working directory> > <full name>`.
 *
 * @example
 * coverageTestLabel('users > 401', '/repo/src/users.test.ts') // 'src/users.test.ts > users > 401'
 */
export function coverageTestLabel(name: string | undefined, file: string | undefined): string | undefined {
  if (!name) return undefined
  if (!file) return name
  const shown = isAbsolute(file) ? relative(process.cwd(), file) : file
  return `${shown.split('\\').join('/')} > ${name}`
}
