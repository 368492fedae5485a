/** The running test as the runner knows it: its full name and its file. */
export interface TestIdentity {
  /** The test's full name (`describe > test` in Vitest, `describe test` in Jest). */
  name?: string | undefined
  /** The test file's path (absolute, as runners give it). */
  file?: string | undefined
}
