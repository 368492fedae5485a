import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: ['src/index.ts', 'src/reporter.ts'],
  // the reporter's default export is `exports.default` in CJS too, as its .d.cts declares (attw)
  outputOptions: { exports: 'named' },
  format: ['esm', 'cjs'],
  dts: true,
  outDir: 'dist',
  clean: true,
  tsconfig: 'tsconfig.build.json',
  external: ['@jest/globals', 'msw', 'msw/node', /^@postmock\//, /^node:/],
})
