import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

/** Folder of the msw copy this package depends on (2.15.0). */
export const msw2Dir = path.dirname(require.resolve('msw/package.json'))

/** Vite aliases sending `msw` and `msw/node` (from any importer) to msw 2's ESM builds. */
export function msw2Aliases(): Array<{ find: RegExp; replacement: string }> {
  return [
    { find: /^msw$/, replacement: path.join(msw2Dir, 'lib/core/index.mjs') },
    { find: /^msw\/node$/, replacement: path.join(msw2Dir, 'lib/node/index.mjs') },
  ]
}
