import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: ['src/index.ts', 'src/route.ts', 'src/reporter.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  outDir: 'dist',
  clean: true,
  tsconfig: 'tsconfig.build.json',
  external: [
    /^@postmock\/core/,
    'msw',
    '@playwright/test',
    /^@playwright\/test\//,
    'playwright-core',
    /^node:/,
  ],
})
