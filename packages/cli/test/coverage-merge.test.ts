/**
 * `postmock coverage merge` on shard reports made by core's recorder from a real mock's calls:
 * exact totals, the threshold's exit code and list, the files written, and its errors.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CoverageRecorder, type CoverageReport, createPostmanMock } from '@postmock/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SHOP_COLLECTION } from '../../adapter-node/test/coverage-kit.js'
import { runCli } from './run-cli.js'

const SHOP = 'https://shop.example.com'
let dir: string

/** One shard: the calls `send` makes, credited to `test`. */
async function shard(
  file: string,
  test: string,
  send: (mock: ReturnType<typeof createPostmanMock>) => Promise<unknown>,
) {
  const mock = createPostmanMock(SHOP_COLLECTION, { baseUrls: [SHOP] })
  await send(mock)
  const recorder = new CoverageRecorder()
  recorder.add('shop', mock.examples)
  for (const call of mock.calls()) if (call.example) recorder.record(0, call.example.location, test)
  writeFileSync(join(dir, file), JSON.stringify(recorder.report()))
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'postmock-coverage-merge-'))
  await shard('shard-1.json', 'a.test.ts > lists products', async (mock) => {
    await mock.respond(new Request(`${SHOP}/products`))
    await mock.respond(new Request(`${SHOP}/products`))
  })
  await shard('shard-2.json', 'b.test.ts > products again, and a missing one', async (mock) => {
    await mock.respond(new Request(`${SHOP}/products`))
    mock.use({ request: 'Get product', code: 404 })
    await mock.respond(new Request(`${SHOP}/products/1`))
  })
  writeFileSync(join(dir, 'not-a-report.json'), '{"hello":1}')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('postmock coverage merge', () => {
  it('merges two shards into one report with exact totals, calls and tests', async () => {
    const result = await runCli(
      ['coverage', 'merge', 'shard-1.json', 'shard-2.json', '--json', 'merged.json'],
      {
        cwd: dir,
        env: { GITHUB_STEP_SUMMARY: undefined },
      },
    )
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('[postmock] Example coverage: 2 of 7 examples served (28.5%), 4 calls')
    expect(result.stdout).toMatch(/List products\s+GET\s+\/products\s+1\/2\s+1\/1\s+-\s+0\/1/)
    expect(result.stdout).toMatch(/Get product\s+GET\s+\/products\/1\s+1\/2\s+0\/1\s+1\/1\s+-/)
    expect(result.stdout).toContain('Wrote merged.json')
    const merged = JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8')) as CoverageReport
    expect(merged).toMatchObject({ total: 7, served: 2, calls: 4 })
    expect(merged.collections).toHaveLength(1)
    const byName = Object.fromEntries(
      merged.collections[0]!.examples.map((e) => [e.name, [e.calls, e.tests]]),
    )
    expect(byName).toEqual({
      Products: [3, ['a.test.ts > lists products', 'b.test.ts > products again, and a missing one']],
      'Products down': [0, []],
      Product: [0, []],
      'No such product': [1, ['b.test.ts > products again, and a missing one']],
      'Order created': [0, []],
      'Bad order': [0, []],
      'Signed out': [0, []],
    })
  })

  it('merges a merged report again (reports and fragments share one format)', async () => {
    const result = await runCli(
      ['coverage', 'merge', 'merged.json', 'shard-1.json', '--json', 'again.json'],
      { cwd: dir },
    )
    expect(result.code).toBe(0)
    const again = JSON.parse(readFileSync(join(dir, 'again.json'), 'utf8')) as CoverageReport
    expect(again).toMatchObject({ total: 7, served: 2, calls: 6 })
  })

  it('exits 1 below --threshold and lists the unserved examples; writes Markdown and the step summary', async () => {
    writeFileSync(join(dir, 'summary.md'), '')
    const result = await runCli(
      ['coverage', 'merge', 'shard-1.json', 'shard-2.json', '--threshold', '50', '--markdown', 'coverage.md'],
      { cwd: dir, env: { GITHUB_STEP_SUMMARY: join(dir, 'summary.md') } },
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      '[postmock] Failed to reach the example coverage threshold: 28.5% of the examples were served (2 of 7), below the threshold of 50%. Write tests that get the 5 unserved examples below, or lower coverage.threshold.',
    )
    const listed = result.stderr.split('\n').filter((line) => line.startsWith('  shop '))
    expect(listed).toHaveLength(5)
    expect(result.stderr).toMatch(
      /shop\s+Create order\s+POST\s+\/orders\s+401\s+Signed out\s+item\[2\]\.response\[2\]/,
    )
    const markdown = readFileSync(join(dir, 'coverage.md'), 'utf8')
    expect(markdown).toContain('**2 of 7** examples served (**28.5%**), 4 calls · threshold 50%: **not met**')
    expect(markdown).toContain('**Unserved examples (5)**')
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe(`${markdown}\n`)
  })

  it('meets a threshold it reaches', async () => {
    const result = await runCli(['coverage', 'merge', 'shard-1.json', 'shard-2.json', '--threshold', '28'], {
      cwd: dir,
    })
    expect(result.code).toBe(0)
  })

  it('names a file that is not a coverage report', async () => {
    const result = await runCli(['coverage', 'merge', 'shard-1.json', 'not-a-report.json'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stderr.trim()).toBe(
      '[postmock] Failed to read the coverage report not-a-report.json: $: not a postmock coverage report (no "format": "postmock-coverage"). Pass postmock-coverage.json files written by a postmock coverage reporter or by postmock coverage merge.',
    )
  })

  it('says what is wrong with the command line (exit 2)', async () => {
    const none = await runCli(['coverage', 'merge'], { cwd: dir })
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('it needs the postmock-coverage.json files to merge')
    const bad = await runCli(['coverage', 'merge', 'shard-1.json', '--threshold', 'most'], { cwd: dir })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--threshold takes a percentage from 0 to 100, got "most"')
    const help = await runCli(['coverage', '--help'], { cwd: dir })
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('postmock coverage merge <postmock-coverage.json>...')
  })
})
