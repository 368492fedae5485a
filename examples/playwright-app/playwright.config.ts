import { defineConfig } from '@playwright/test'
import { systemChromium } from '@postmock/playwright'

const PORT = Number(process.env.PLAYWRIGHT_APP_PORT ?? 41733)

export default defineConfig({
  testDir: 'tests',
  workers: 2,
  fullyParallel: true,
  expect: { timeout: 15_000 }, // a busy 2-core machine can be slow to start a page
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    // Debian's /usr/bin/chromium (or CHROMIUM_PATH): no browser download needed
    launchOptions: systemChromium(),
  },
  webServer: { command: 'node server.mjs', url: `http://127.0.0.1:${PORT}/`, env: { PORT: String(PORT) } },
})
