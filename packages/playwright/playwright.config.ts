import { defineConfig } from '@playwright/test'
import { systemChromium } from './src/system-chromium.js'

export default defineConfig({
  testDir: 'test',
  testMatch: '*.spec.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  use: { browserName: 'chromium', launchOptions: systemChromium() },
})
