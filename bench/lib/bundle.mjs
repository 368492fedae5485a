/**
 * Size of core's browser build: esbuild bundles packages/core/dist/index.mjs for the browser, minified,
 * with code splitting (as an app's bundler does), and node:zlib gzips it. Once with msw and faker
 * external (what core itself costs: its entry chunk, loaded with the page, and the dynamic-variable
 * generators, loaded with the first answer that uses one), once with faker bundled too, to show faker
 * stays in a lazily loaded chunk.
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
    splitting: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    external: ['msw', 'msw/*', '@faker-js/faker', '@faker-js/faker/*'],
    outdir: join(OUT, 'core'),
    write: false,
    logLevel: 'silent',
    metafile: true,
  })
  // What a page loads with core: the entry chunk and every chunk it imports statically. The rest is
  // fetched later, through a dynamic import (the dynamic-variable generators).
  const outputs = core.metafile.outputs
  const keyOf = (f) => Object.keys(outputs).find((k) => resolve(k) === f.path)
  const entryKey = Object.keys(outputs).find(
    (k) => outputs[k].entryPoint !== undefined && resolve(outputs[k].entryPoint) === resolve(CORE_ENTRY),
  )
  const initial = new Set()
  const visit = (key) => {
    if (!key || initial.has(key) || !outputs[key]) return
    initial.add(key)
    for (const imported of outputs[key].imports)
      if (imported.kind === 'import-statement') visit(imported.path)
  }
  visit(entryKey)
  const coreFiles = core.outputFiles.filter((f) => f.path.endsWith('.js'))
  const loaded = coreFiles.filter((f) => initial.has(keyOf(f)))
  const lazy = coreFiles.filter((f) => !initial.has(keyOf(f)))
  const file = { contents: Buffer.concat(loaded.map((f) => f.contents)) }
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
  return {
    bytes: file.contents.length,
    gzip: gzip(file.contents),
    lazyBytes: lazy.reduce((sum, f) => sum + f.contents.length, 0),
    lazyGzip: lazy.reduce((sum, f) => sum + gzip(f.contents), 0),
    chunks,
  }
}
