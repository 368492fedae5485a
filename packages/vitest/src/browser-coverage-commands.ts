import { type CoverageReport, mergeCoverage } from '@postmock/core'
import { COVERAGE_DIR_ENV, coverageTestLabel, writeCoverageFragment } from '@postmock/core/node'
import type { BrowserCommand } from 'vitest/node'
import { COVERAGE_COMMANDS } from './coverage-commands.js'

/** The fragment of a browser-mode file, its tests named as in Node: `<file> > <full name>`. */
function named(fragment: CoverageReport, testPath: string | undefined): CoverageReport {
  return {
    ...fragment,
    collections: fragment.collections.map((collection) => ({
      ...collection,
      examples: collection.examples.map((example) => ({
        ...example,
        tests: example.tests.map((name) => coverageTestLabel(name, testPath) ?? name),
      })),
    })),
  }
}

/**
 * The Node side of browser-mode example coverage, run by Vitest in its main process: whether a coverage
 * reporter announced a run directory, and the writing of a page's fragment there (checked as a coverage
 * report first: it comes from the page).
 *
 * @example
 * // what postmockWorker() adds to the Vitest config
 * export default { test: { browser: { commands: browserCoverageCommands() } } }
 */
export function browserCoverageCommands(): Record<string, BrowserCommand<never[]>> {
  const run: BrowserCommand<[]> = () => Boolean(process.env[COVERAGE_DIR_ENV])
  const fragment: BrowserCommand<[fragment: unknown]> = ({ testPath }, value) => {
    // throws a PostmockError (INVALID_COVERAGE) for anything but a coverage report
    mergeCoverage([{ source: `the browser-mode fragment of ${testPath}`, value }])
    writeCoverageFragment(named(value as CoverageReport, testPath))
  }
  return {
    [COVERAGE_COMMANDS.run]: run,
    [COVERAGE_COMMANDS.fragment]: fragment as BrowserCommand<never[]>,
  }
}
