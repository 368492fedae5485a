import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: ['src/index.ts', 'src/node.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  outDir: 'dist',
  clean: true,
  tsconfig: 'tsconfig.build.json',
  deps: { neverBundle: ['msw', '@faker-js/faker', /^node:/] },
})
