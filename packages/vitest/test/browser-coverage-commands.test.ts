/**
 * The Node side of browser-mode coverage on its own: the commands `postmockWorker()` registers, called as
 * Vitest calls them (a context naming the test file that sent the command).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CoverageRecorder, type CoverageReport, createPostmanMock } from '@postmock/core'
import { COVERAGE_DIR_ENV } from '@postmock/core/node'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { BrowserCommandContext } from 'vitest/node'
import { SHOP_COLLECTION } from '../../adapter-node/test/coverage-kit.js'
import { browserCoverageCommands } from '../src/browser-coverage-commands.js'
import { COVERAGE_COMMANDS } from '../src/coverage-commands.js'

const commands = browserCoverageCommands()
const context = { testPath: resolve('src/cart.browser.test.ts') } as BrowserCommandContext
const call = (name: string, ...payload: unknown[]) =>
  (commands[name] as (context: BrowserCommandContext, ...payload: unknown[]) => unknown)(context, ...payload)

let dir: string
const previous = process.env[COVERAGE_DIR_ENV]
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'postmock-browser-coverage-'))
})
afterEach(() => {
  if (previous === undefined) delete process.env[COVERAGE_DIR_ENV]
  else process.env[COVERAGE_DIR_ENV] = previous
  rmSync(dir, { recursive: true, force: true })
})

/** A page's fragment: one call of the shop's first example by `cart > adds`. */
function pageFragment(): CoverageReport {
  const recorder = new CoverageRecorder()
  const index = recorder.add('shop', createPostmanMock(SHOP_COLLECTION).examples)
  recorder.record(index, 'item[0].response[0]', 'cart > adds')
  return recorder.report()
}

describe("postmockWorker()'s coverage commands", () => {
  test('say whether a coverage reporter named a run directory', () => {
    delete process.env[COVERAGE_DIR_ENV]
    expect(call(COVERAGE_COMMANDS.run)).toBe(false)
    process.env[COVERAGE_DIR_ENV] = dir
    expect(call(COVERAGE_COMMANDS.run)).toBe(true)
  })

  test('write the page fragment into the run directory, its tests named <file> > <full name>', () => {
    process.env[COVERAGE_DIR_ENV] = dir
    call(COVERAGE_COMMANDS.fragment, pageFragment())
    const files = readdirSync(dir)
    expect(files).toHaveLength(1)
    const written = JSON.parse(readFileSync(join(dir, files[0] ?? ''), 'utf8')) as CoverageReport
    expect(written).toMatchObject({ total: 7, served: 1, calls: 1 })
    expect(written.collections[0]?.examples[0]).toMatchObject({
      calls: 1,
      tests: ['src/cart.browser.test.ts > cart > adds'],
    })
  })

  test('refuse a payload that is not a coverage report, writing nothing', () => {
    process.env[COVERAGE_DIR_ENV] = dir
    expect(() => call(COVERAGE_COMMANDS.fragment, { collections: 'nope' })).toThrow(
      /\[postmock\] Failed to read the coverage report the browser-mode fragment of .*cart\.browser\.test\.ts/,
    )
    expect(readdirSync(dir)).toEqual([])
  })
})
