/**
 * The browser commands through which Vitest browser-mode files take part in example coverage. A page
 * has no file system and no `POSTMOCK_COVERAGE_DIR`: Vitest runs these in its main process, where the
 * coverage reporter named the run directory. `postmockWorker()` registers them.
 */
export const COVERAGE_COMMANDS = {
  /** `() => boolean`: whether a coverage reporter runs (the page records calls only then). */
  run: 'postmockCoverageRun',
  /** `(fragment: CoverageReport) => void`: writes the file's fragment into the run directory. */
  fragment: 'postmockCoverageFragment',
} as const
