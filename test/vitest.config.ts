import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'interception/**', 'registry/**'],
    testTimeout: 60_000,
  },
})
