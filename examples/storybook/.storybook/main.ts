import type { StorybookConfig } from '@storybook/react-vite'

const config: StorybookConfig = {
  stories: ['../src/**/*.stories.@(ts|tsx)'],
  framework: { name: '@storybook/react-vite', options: {} },
  // public/ holds mockServiceWorker.js: it is copied to the root of storybook-static, next to iframe.html
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
}

export default config
