import { defineConfig } from '@playwright/test'
import { systemChromium } from '../../src/system-chromium.js'

/**
 * Run by recording.spec.ts in a child process: two files of page tests in two workers, recording into
 * one collection file (RECORD_COLLECTION) from a real API on 127.0.0.1 (API_ORIGIN). Chromium resolves
 * no host name, so nothing but loopback can be reached.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.rec.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: systemChromium(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']),
  },
})
