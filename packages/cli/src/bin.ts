/** The entry `bin/postmock.mjs` runs: only the dispatcher, so `--help` loads no matcher. */
export { main } from './cli.js'
export { exitQuietlyOnBrokenPipe } from './output/broken-pipe.js'
