// Prints what the browser app pays for postmock: minified and gzip sizes of each chunk of a
// `vite build --mode postmock` (core, msw and faker sit in chunks of their own; see vite.config.ts).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const dir = process.argv[2] ?? 'dist-postmock'
const assets = join(dir, 'assets')
const rows = readdirSync(assets)
  .filter((file) => file.endsWith('.js'))
  .map((file) => {
    const code = readFileSync(join(assets, file))
    return { file, min: code.length, gzip: gzipSync(code, { level: 9 }).length }
  })
  .sort((a, b) => b.gzip - a.gzip)

const kb = (n) => `${(n / 1024).toFixed(1)} KB`
console.log(`chunks of ${assets}:`)
for (const row of rows)
  console.log(`  ${row.file.padEnd(40)} ${kb(row.min).padStart(10)} min ${kb(row.gzip).padStart(10)} gzip`)
const core = rows.filter((row) => row.file.startsWith('postmock-core'))
const faker = rows.filter((row) => row.file.startsWith('faker'))
const sum = (list, key) => list.reduce((total, row) => total + row[key], 0)
console.log(`@postmock/core: ${kb(sum(core, 'min'))} min, ${kb(sum(core, 'gzip'))} gzip`)
console.log(
  faker.length
    ? `faker (lazy chunk, loaded only by {{$dynamic}} variables): ${kb(sum(faker, 'gzip'))} gzip`
    : 'faker: not in the build',
)
