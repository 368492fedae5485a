import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: ['src/index.ts', 'src/reporter.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  outDir: 'dist',
  clean: true,
  tsconfig: 'tsconfig.build.json',
  external: ['@jest/globals', 'msw', 'msw/node', /^@postmock\//, /^node:/],
})
