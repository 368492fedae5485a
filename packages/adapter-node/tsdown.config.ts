import { defineConfig } from 'tsdown'
import { esmTypesInCjs } from '../../scripts/tsdown/esm-types-in-cjs.ts'

// The ESM build loads msw and core with a top-level `await import()`, the CJS build with a guarded
// `require()` (Jest's own `require`, so its module registry and moduleNameMapper apply); see runtime.ts.
export default defineConfig({
  entry: ['src/index.ts'],
  format: {
    esm: { define: { __POSTMOCK_CJS__: 'false' } },
    cjs: { define: { __POSTMOCK_CJS__: 'true' } },
  },
  dts: true,
  outDir: 'dist',
  clean: true,
  tsconfig: 'tsconfig.build.json',
  hooks: { 'build:done': esmTypesInCjs(['msw']) },
  external: ['msw', 'msw/node', '@postmock/core', '@postmock/core/node', /^@mswjs\/interceptors/, /^node:/],
})
