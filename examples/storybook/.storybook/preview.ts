import type { Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { postmanLoader, startPostmanWorker } from './postman.js'

const preview: Preview = {
  // mswLoader starts the worker once (with our setup), postmanLoader applies parameters.postman per story
  loaders: [mswLoader(startPostmanWorker), postmanLoader],
}

export default preview
