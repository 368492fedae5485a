import { defineConfig } from 'vitest/config'

export default defineConfig({
  define: { __POSTMOCK_CJS__: 'false' },
  test: { include: ['test/*.test.ts'] },
})
