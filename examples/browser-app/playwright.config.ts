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

const DEV_PORT = freePort('BROWSER_APP_DEV_PORT')
const PREVIEW_PORT = freePort('BROWSER_APP_PREVIEW_PORT')
// Debian's Chromium with the flags this machine needs; nothing but 127.0.0.1 resolves, so a request that
// escaped the service worker would fail loudly.
const launchOptions = systemChromium(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'])

// Two servers: `vite` (development, the usual place for the worker) and `vite preview` of a build
// made with `--mode postmock` (VITE_POSTMOCK=true), which proves the production bundle works too.
export default defineConfig({
  testDir: 'tests',
  workers: 2,
  fullyParallel: true,
  timeout: 30_000,
  expect: { timeout: 15_000 }, // a busy 2-core machine can be slow to start a page
  use: { browserName: 'chromium', launchOptions },
  projects: [
    { name: 'vite-dev', use: { baseURL: `http://127.0.0.1:${DEV_PORT}` } },
    // conformance.html is a development page: the production build holds only the app
    { name: 'vite-preview', use: { baseURL: `http://127.0.0.1:${PREVIEW_PORT}` }, testIgnore: /conformance/ },
  ],
  webServer: [
    {
      command: `vite --port ${DEV_PORT} --strictPort`,
      url: `http://127.0.0.1:${DEV_PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `vite build --mode postmock --outDir dist-postmock --emptyOutDir && vite preview --mode postmock --outDir dist-postmock --port ${PREVIEW_PORT} --strictPort`,
      url: `http://127.0.0.1:${PREVIEW_PORT}/`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
})
