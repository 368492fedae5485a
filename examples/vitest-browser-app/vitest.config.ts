import { postmockWorker } from '@postmock/vitest/plugin'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { loopbackCommands } from './test/loopback-commands.ts'

export default defineConfig({
  // serves msw's mockServiceWorker.js from the installed msw: no `msw init`, nothing in public/
  plugins: [postmockWorker()],
  test: {
    include: ['test/**/*.browser.test.{ts,tsx}'],
    maxWorkers: 2, // two pages at a time: isolation-a and isolation-b may overlap
    browser: {
      enabled: true,
      headless: true,
      // Chromium from the system (Playwright cannot download its browsers on a closed network)
      provider: playwright({
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
      }),
      instances: [{ browser: 'chromium' }],
      commands: loopbackCommands,
    },
  },
})
