/**
 * Runs on the system Node 20 with vitest 4 (vitest 5 crashes there). Every `msw` import, including the
 * ones inside @postmock/core's build, is aliased to this package's msw 2: workspace links would otherwise
 * resolve core's `msw` from packages/core/node_modules (msw 3, which needs Node 22).
 */

import { defineConfig } from 'vitest/config'
import { msw2Aliases } from './msw2-aliases.js'

export default defineConfig({
  resolve: { alias: msw2Aliases() },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // msw 2 prints this for every refused request; the refusals are expected and asserted.
    onConsoleLog: (log) =>
      !log.startsWith('[MSW] Error: intercepted a request without a matching request handler'),
    // @postmock/* resolve to packages/*/dist (outside node_modules), so vitest transforms them and the
    // aliases apply to their own `msw` imports; listing them makes that explicit.
    server: { deps: { inline: [/@postmock\//, /packages\/(core|vitest|jest|adapter-node)\/dist\//] } },
  },
})
