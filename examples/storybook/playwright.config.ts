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

const PORT = freePort('STORYBOOK_STATIC_PORT')

// `pnpm test` runs `storybook build` first; this serves the result at / and /storybook/.
export default defineConfig({
  testDir: 'tests',
  workers: 2,
  fullyParallel: true,
  timeout: 60_000,
  // the manager and preview bundles are large (several MB of JS to parse) and the first visit registers
  // the worker: on a busy 2-core machine a story can take 15 s to appear
  expect: { timeout: 30_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    // Debian's Chromium; nothing but 127.0.0.1 resolves: a request that escaped the worker fails loudly
    launchOptions: systemChromium(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']),
  },
  webServer: {
    command: 'node scripts/serve-static.mjs',
    url: `http://127.0.0.1:${PORT}/iframe.html`,
    env: { PORT: String(PORT) },
  },
})
