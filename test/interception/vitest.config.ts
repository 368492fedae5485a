import { defineConfig } from 'vitest/config'

// One outer test per cell; the six runner processes run in the first beforeAll (two at a time).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '.projects/**'],
    testTimeout: 30_000,
    hookTimeout: 900_000,
  },
})
