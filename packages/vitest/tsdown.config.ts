import { defineConfig } from 'tsdown'

export default defineConfig([
  {
    entry: ['src/index.ts', 'src/plugin.ts', 'src/reporter.ts'],
    // the reporter's default export is `exports.default` in CJS too, as its .d.cts declares (attw)
    outputOptions: { exports: 'named' },
    format: ['esm', 'cjs'],
    dts: true,
    outDir: 'dist',
    clean: true,
    tsconfig: 'tsconfig.build.json',
    external: ['vitest', 'vitest/node', 'msw', 'msw/node', /^@postmock\//, /^node:/],
  },
  // Vitest browser mode (the `browser` export condition): msw's worker, no Node built-ins.
  {
    entry: { browser: 'src/browser/index.ts' },
    format: ['esm'],
    platform: 'browser',
    fixedExtension: true,
    dts: true,
    outDir: 'dist',
    clean: false,
    tsconfig: 'tsconfig.build.json',
    external: ['vitest', 'vitest/browser', 'msw', 'msw/browser', /^@postmock\//],
  },
])
