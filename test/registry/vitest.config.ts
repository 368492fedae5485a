import { defineConfig } from 'vitest/config'

// Each runtime's file installs its own projects and runs its checks in order (one test after another).
// The files run one after another: two npm installs sharing one npm cache on a 2-core machine were seen
// to stall past three minutes. The slow steps (npm install, tsc) are single tests with long timeouts.
export default defineConfig({
  test: {
    include: ['*.test.ts'],
    globalSetup: ['global-setup.ts'],
    fileParallelism: false,
    testTimeout: 450_000,
    hookTimeout: 450_000,
  },
})
