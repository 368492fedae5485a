import { defineConfig } from 'vitest/config'

// Each runtime's file installs its own projects and runs its checks in order (one test after another);
// the files run side by side. The slow steps (npm install, tsc) are single tests with long timeouts.
export default defineConfig({
  test: {
    include: ['*.test.ts'],
    globalSetup: ['global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
})
