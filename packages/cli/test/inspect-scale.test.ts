import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const COUNT = 40_000
/** Generous for a shared 2-core machine: before, this collection took minutes (quadratic in the tie group). */
const CAP_MS = 60_000

/** One request, `GET /items`, with 40,000 examples all named "OK" (every tenth a 404). */
function sameNamedCollection(): unknown {
  const response = Array.from({ length: COUNT }, (_, i) => ({
    id: `id-${String(i).padStart(6, '0')}`,
    name: 'OK',
    code: i % 10 === 0 ? 404 : 200,
    status: i % 10 === 0 ? 'Not Found' : 'OK',
    originalRequest: { method: 'GET', url: 'https://api.example.com/items' },
    header: [],
    body: '{}',
  }))
  return {
    info: {
      name: 'Same names',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: [
      { name: 'List items', request: { method: 'GET', url: 'https://api.example.com/items' }, response },
    ],
  }
}

describe('postmock inspect at scale', () => {
  it(
    `inspects ${COUNT} examples named "OK" on one path within ${CAP_MS / 1000} s`,
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'postmock-inspect-scale-'))
      try {
        await writeFile(join(dir, 'same-names.json'), JSON.stringify(sameNamedCollection()))
        const started = performance.now()
        const result = await runCli(['inspect', 'same-names.json', '--json'], { cwd: dir })
        const elapsed = performance.now() - started
        expect(result.code).toBe(0)
        const report = JSON.parse(result.stdout) as {
          examples: Array<{ chosenBy: string }>
          warnings: Array<{ kind: string }>
        }
        expect(report.examples).toHaveLength(COUNT)
        expect(report.examples.filter((e) => e.chosenBy === 'matching')).toHaveLength(1)
        expect(report.warnings.filter((w) => w.kind === 'duplicate-name')).toHaveLength(1)
        expect(elapsed).toBeLessThan(CAP_MS)
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
    CAP_MS * 2,
  )
})
