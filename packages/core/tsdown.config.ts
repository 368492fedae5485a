import { defineConfig } from 'tsdown'
import { esmTypesInCjs } from '../../scripts/tsdown/esm-types-in-cjs.ts'

export default defineConfig({
  entry: ['src/index.ts', 'src/node.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  outDir: 'dist',
  clean: true,
  tsconfig: 'tsconfig.build.json',
  hooks: { 'build:done': esmTypesInCjs(['msw']) },
  deps: { neverBundle: ['msw', '@faker-js/faker', /^node:/] },
})
