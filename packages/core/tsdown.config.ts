import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: ['src/index.ts', 'src/node.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  outDir: 'dist',
  clean: true,
  tsconfig: 'tsconfig.build.json',
  external: ['msw', '@faker-js/faker', /^node:/],
})
