import { join } from 'node:path'
import { defineConfig } from '@playwright/test'
import { systemChromium } from '../../src/system-chromium.js'

/**
 * Run by coverage.spec.ts in a child process: three tests in two workers with
 * `@postmock/playwright/reporter` (its options from the environment the spec sets).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.cov.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 15_000 },
  // coverage.spec.ts runs this project twice at once: each run clears its own test-results, not the other's
  outputDir: join(process.env.COVERAGE_OUT ?? '.', 'test-results'),
  reporter: [
    ['list'],
    [
      '@postmock/playwright/reporter',
      { threshold: Number(process.env.COVERAGE_THRESHOLD ?? 0), outputDir: process.env.COVERAGE_OUT },
    ],
  ],
  use: { browserName: 'chromium', launchOptions: systemChromium() },
})
