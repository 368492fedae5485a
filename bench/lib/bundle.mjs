/**
 * Size of core's browser build: esbuild bundles packages/core/dist/index.mjs for the browser, minified,
 * and node:zlib gzips it. Once with msw and faker external (what core itself costs), once with faker
 * bundled and code splitting on, to show faker stays in a lazily loaded chunk.
 */
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { CORE_ENTRY } from './modules.mjs'

const OUT = join(tmpdir(), 'postmock-bench-bundle')
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length

export async function measureBundle(esbuild) {
  const core = await esbuild.build({
    entryPoints: [CORE_ENTRY],
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    external: ['msw', 'msw/*', '@faker-js/faker', '@faker-js/faker/*'],
    write: false,
    logLevel: 'silent',
  })
  const [file] = core.outputFiles
  const split = await esbuild.build({
    entryPoints: [CORE_ENTRY],
    bundle: true,
    minify: true,
    splitting: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    external: ['msw', 'msw/*'],
    outdir: OUT,
    write: false,
    logLevel: 'silent',
    metafile: true,
  })
  const chunks = split.outputFiles
    .filter((f) => f.path.endsWith('.js'))
    .map((f) => {
      const name = f.path.slice(OUT.length + 1)
      const key = Object.keys(split.metafile.outputs).find((k) => resolve(k) === f.path)
      const meta = key ? split.metafile.outputs[key] : undefined
      const inputs = Object.keys(meta?.inputs ?? {})
      const faker = inputs.filter((i) => i.includes('@faker-js')).length
      return {
        name,
        entry: meta?.entryPoint !== undefined && resolve(meta.entryPoint) === resolve(CORE_ENTRY),
        bytes: f.contents.length,
        gzip: gzip(f.contents),
        faker: faker > 0,
      }
    })
  return { bytes: file.contents.length, gzip: gzip(file.contents), chunks }
}
