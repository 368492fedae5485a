import { execFileSync } from 'node:child_process'
import { defineConfig } from '@playwright/test'
import { systemChromium } from '@postmock/playwright'

/**
 * A free port on 127.0.0.1, chosen once in the runner process and handed to the workers (which load
 * this config again) through the environment; set the variable yourself to pin it.
 */
function freePort(variable: string): number {
  process.env[variable] ??= execFileSync(process.execPath, [
    '-e',
    "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close() })",
  ])
    .toString()
    .trim()
  return Number(process.env[variable])
}

const PORT = freePort('PLAYWRIGHT_APP_PORT')

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
