/** @postmock/vitest/plugin: the Vite plugin that serves msw's worker script to Vitest browser mode. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { formatMessage, PostmockError } from '@postmock/core'
import type { Plugin } from 'vitest/config'
import { browserCoverageCommands } from './browser-coverage-commands.js'
import { WORKER_URL } from './worker-url.js'

/** msw's `mockServiceWorker.js`, from the msw the project itself resolves (the worker and the page must agree). */
function workerScriptPath(root: string): string {
  try {
    return createRequire(join(root, 'package.json')).resolve('msw/mockServiceWorker.js')
  } catch (error) {
    throw new PostmockError(
      'MISSING_RUNTIME',
      formatMessage(
        `find msw's mockServiceWorker.js from ${root}`,
        (error as Error).message.split('\n')[0] ?? 'msw is not installed',
        'Install msw beside @postmock/vitest (npm i -D msw)',
      ),
    )
  }
}

/**
 * Serves msw's `mockServiceWorker.js` at `/mockServiceWorker.js` from the installed msw, so that
 * `setupPostmanMocks()` in Vitest browser mode needs no `msw init` and no copy in `public/`. It also
 * registers the browser commands through which browser-mode files take part in example coverage
 * (`@postmock/vitest/reporter`): they run in Vitest's main process and write each file's fragment there.
 *
 * @example
 * // vitest.config.ts
 * import { playwright } from '@vitest/browser-playwright'
 * import { defineConfig } from 'vitest/config'
 * import { postmockWorker } from '@postmock/vitest/plugin'
 *
 * export default defineConfig({
 *   plugins: [postmockWorker()],
 *   test: {
 *     browser: {
 *       enabled: true,
 *       headless: true,
 *       provider: playwright({ launchOptions: { executablePath: process.env.CHROMIUM_PATH } }),
 *       instances: [{ browser: 'chromium' }],
 *     },
 *   },
 * })
 */
export function postmockWorker(): Plugin {
  let script: string | undefined
  let root = process.cwd()
  return {
    name: 'postmock:msw-worker',
    apply: 'serve',
    config: () => ({ test: { browser: { commands: browserCoverageCommands() } } }),
    configResolved(config) {
      root = config.root
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (new URL(request.url ?? '/', 'http://localhost').pathname !== WORKER_URL) return next()
        script ??= readFileSync(workerScriptPath(root), 'utf8')
        response.writeHead(200, {
          'cache-control': 'no-cache',
          'content-type': 'application/javascript; charset=utf-8',
          'service-worker-allowed': '/',
        })
        response.end(script)
      })
    },
  }
}
