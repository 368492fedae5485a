import { defineConfig } from '@playwright/test'
import { systemChromium } from './src/system-chromium.js'

export default defineConfig({
  testDir: 'test',
  testMatch: '*.spec.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 15_000 }, // a busy 2-core machine can be slow to start a page
  use: { browserName: 'chromium', launchOptions: systemChromium() },
})
