/** Flags that keep a system Chromium quiet and working as root in a container or CI machine. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Launch options for a Chromium installed by the system (Debian's `/usr/bin/chromium`), for machines
 * where `playwright install` cannot download a browser. `CHROMIUM_PATH` overrides the path.
 *
 * @example
 * // playwright.config.ts
 * import { defineConfig } from '@playwright/test'
 * import { systemChromium } from '@postmock/playwright'
 * export default defineConfig({ use: { browserName: 'chromium', launchOptions: systemChromium() } })
 */
export function systemChromium(extraArgs: string[] = []): { executablePath: string; args: string[] } {
  return { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: [...FLAGS, ...extraArgs] }
}
