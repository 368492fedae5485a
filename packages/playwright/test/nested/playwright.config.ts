import { defineConfig } from '@playwright/test'
import { systemChromium } from '../../src/system-chromium.js'

/** Run by nested.spec.ts in a child process: tests that must fail, and a 2-worker parallel run. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.nested.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 15_000 },
  use: {
    browserName: 'chromium',
    launchOptions: systemChromium(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']),
  },
})
