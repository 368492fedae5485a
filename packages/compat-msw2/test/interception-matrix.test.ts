/**
 * The interception matrix of test/interception (every HTTP client × Vitest node/jsdom × Jest ESM/CJS
 * node/jest-fixed-jsdom: served, or refused with nothing sent) on the system Node 20 with msw 2.15,
 * through the same kit. The runners are this package's Vitest 4 (vitest 5 crashes on Node 20 when it
 * reports a failure) and Jest 30; `msw` and `msw/node` are sent to this package's msw 2 for the
 * adapters' builds too, as in vitest-adapter.test.ts and jest-adapter.test.ts. A client whose library
 * does not load on Node 20 (undici 8), or a global it lacks (WebSocket), is skipped with the reason.
 */
import { join } from 'node:path'
import { WORKSPACE_TOOLCHAIN } from '../../../test/interception/test/kit/runners.js'
import { defineMatrix } from '../../../test/interception/test/kit/suite.js'
import { msw2Aliases, msw2Dir } from '../msw2-aliases.js'
import { VITEST4_DIR } from './project-kit.js'

defineMatrix({
  label: "msw 2.15 and Vitest 4 from packages/compat-msw2, the matrix's Jest 30",
  expect: { node: 20, msw: 2 },
  vitest: join(VITEST4_DIR, 'vitest.mjs'),
  jest: WORKSPACE_TOOLCHAIN.jest,
  vitestAliases: [...msw2Aliases(), { find: /^vitest$/, replacement: join(VITEST4_DIR, 'dist/index.js') }],
  jestModuleNameMapper: (system) => {
    // ESM test files import msw 2's ES modules; CJS ones require its CJS build (rettime is transformed).
    const extension = system === 'esm' ? 'mjs' : 'js'
    return {
      '^msw$': join(msw2Dir, `lib/core/index.${extension}`),
      '^msw/node$': join(msw2Dir, `lib/node/index.${extension}`),
    }
  },
  jestCjsTransformsNodeModules: true,
})
