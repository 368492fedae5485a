import { defineConfig } from 'vite'

export default defineConfig({
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // pre-bundle msw up front, so the dev server never reloads a page to add it
  optimizeDeps: { include: ['msw/browser'] },
  build: {
    rolldownOptions: {
      output: {
        // core, faker and msw (with its dependencies) in chunks of their own, so that
        // scripts/bundle-size.mjs can tell what the app pays for each; the app's code stays in its chunks
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'postmock-core', test: /[\\/](@postmock[\\/]core|packages[\\/]core)[\\/]/ },
            { name: 'faker', test: /[\\/]@faker-js[\\/]/ },
            { name: 'msw', test: /[\\/]node_modules[\\/]/ },
          ],
        },
      },
    },
  },
})
