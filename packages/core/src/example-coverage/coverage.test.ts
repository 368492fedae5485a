import { describe, expect, it } from 'vitest'
import { createPostmanMock } from '../mock/create-postman-mock.js'
import { collectionKey } from './collection-key.js'
import { coverageMarkdown } from './markdown.js'
import { mergeCoverage } from './merge.js'
import { CoverageRecorder } from './recorder.js'
import { formatPercent } from './report.js'
import { coverageTable } from './table.js'
import { checkCoverageThreshold, validateThreshold } from './threshold.js'
import type { CoverageReport } from './types.js'

const URL_BASE = 'https://api.example.com'

function item(name: string, method: string, path: string, codes: number[]) {
  const url = `${URL_BASE}/${path}`
  return {
    name,
    request: { method, url },
    response: codes.map((code) => ({
      name: `${name} ${code}`,
      code,
      body: '',
      originalRequest: { method, url },
    })),
  }
}

const COLLECTION = {
  info: { name: 'api', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [
    item('List users', 'GET', 'users', [200, 500]),
    item('Create user', 'POST', 'users', [201, 400, 409]),
  ],
}
const mock = createPostmanMock(COLLECTION, { baseUrls: [URL_BASE], onWarning: () => {} })

/** A fragment: `calls` per example index, each credited to `test`. */
function fragment(calls: Record<number, number>, test: string): CoverageReport {
  const recorder = new CoverageRecorder()
  recorder.add('api', mock.examples)
  for (const [index, count] of Object.entries(calls)) {
    for (let i = 0; i < count; i++) recorder.record(0, mock.examples[Number(index)]!.location, test)
  }
  return recorder.report()
}

describe('CoverageRecorder', () => {
  it('reports every example with its calls and sorted test names', () => {
    const recorder = new CoverageRecorder()
    recorder.add('api', mock.examples)
    recorder.record(0, 'item[1].response[0]', 'b > creates')
    recorder.record(0, 'item[1].response[0]', 'a > creates')
    recorder.record(0, 'item[1].response[0]', 'a > creates')
    recorder.record(0, 'item[0].response[0]')
    const report = recorder.report()
    expect(report).toMatchObject({ format: 'postmock-coverage', version: 1, total: 5, served: 2, calls: 4 })
    expect(report.percent).toBe(40)
    expect(report.collections[0]!.examples[2]).toEqual({
      location: 'item[1].response[0]',
      request: 'Create user',
      name: 'Create user 201',
      method: 'POST',
      path: '/users',
      code: 201,
      calls: 3,
      tests: ['a > creates', 'b > creates'],
    })
    expect(report.collections[0]!.examples[0]!.tests).toEqual([])
  })
})

describe('mergeCoverage', () => {
  it('adds calls and joins test names of the same collection across fragments', () => {
    const report = mergeCoverage([
      { source: 'w1', value: fragment({ 0: 2, 2: 1 }, 'a.test.ts > one') },
      { source: 'w2', value: fragment({ 0: 1, 3: 1 }, 'b.test.ts > two') },
    ])
    expect(report).toMatchObject({ total: 5, served: 3, calls: 5 })
    expect(report.percent).toBe(60)
    const examples = report.collections[0]!.examples
    expect(examples.map((e) => [e.code, e.calls, e.tests])).toEqual([
      [200, 3, ['a.test.ts > one', 'b.test.ts > two']],
      [500, 0, []],
      [201, 1, ['a.test.ts > one']],
      [400, 1, ['b.test.ts > two']],
      [409, 0, []],
    ])
  })

  it('keeps a changed collection of the same name apart (its content key differs)', () => {
    const changed = createPostmanMock(
      { ...COLLECTION, item: [item('List users', 'GET', 'users', [200])] },
      { baseUrls: [URL_BASE], onWarning: () => {} },
    )
    expect(collectionKey(changed.examples)).not.toBe(collectionKey(mock.examples))
    const recorder = new CoverageRecorder()
    recorder.add('api', changed.examples)
    const report = mergeCoverage([
      { source: 'a', value: fragment({ 0: 1 }, 't') },
      { source: 'b', value: recorder.report() },
    ])
    expect(report.collections.map((c) => [c.label, c.total])).toEqual([
      [`api (${collectionKey(mock.examples).slice(0, 8)})`, 5],
      [`api (${collectionKey(changed.examples).slice(0, 8)})`, 1],
    ])
    expect(report.total).toBe(6)
  })

  it('merges nothing into an empty report (100%: no example to miss)', () => {
    expect(mergeCoverage([])).toMatchObject({ total: 0, served: 0, percent: 100, collections: [] })
    expect(coverageTable(mergeCoverage([]))).toContain(
      '[postmock] Example coverage: no test loaded a collection',
    )
  })

  it('rejects a document that is not a coverage report, naming the source and the JSON path', () => {
    expect(() => mergeCoverage([{ source: 'x.json', value: { hello: 1 } }])).toThrow(
      '[postmock] Failed to read the coverage report x.json: $: not a postmock coverage report',
    )
    const bad = fragment({}, 't') as unknown as {
      collections: Array<{ examples: Array<{ calls: unknown }> }>
    }
    bad.collections[0]!.examples[1]!.calls = -1
    expect(() => mergeCoverage([{ source: 'y.json', value: bad }])).toThrow(
      '$.collections[0].examples[1].calls: expected a count, got -1',
    )
  })
})

describe('the table, the Markdown summary and the threshold', () => {
  const report = mergeCoverage([{ source: 'w', value: fragment({ 0: 2, 2: 1, 3: 1 }, 'a > b') }])

  it('prints served/total per request and per status class', () => {
    expect(coverageTable(report)).toBe(
      [
        '[postmock] Example coverage: 3 of 5 examples served (60.0%), 4 calls',
        '',
        'api: 3 of 5 examples served (60.0%), 4 calls',
        '  request       method  path    served  2xx  4xx  5xx',
        '  List users    GET     /users  1/2     1/1  -    0/1',
        '  Create user   POST    /users  2/3     1/1  1/2  -',
        '  all requests                  3/5     2/2  1/2  0/1',
      ].join('\n'),
    )
  })

  it('writes a Markdown summary with the collection row, per-request details and unserved examples', () => {
    const markdown = coverageMarkdown(report, 80)
    expect(markdown).toContain('**3 of 5** examples served (**60.0%**), 4 calls · threshold 80%: **not met**')
    expect(markdown).toContain(
      '| collection | served | % | 2xx | 4xx | 5xx |\n| --- | --- | --- | --- | --- | --- |\n| api | 3/5 | 60.0% | 2/2 | 1/2 | 0/1 |',
    )
    expect(markdown).toContain('<details><summary>api: per request</summary>')
    expect(markdown).toContain('| Create user | POST | /users | 2/3 | 1/1 | 1/2 | - |')
    expect(markdown).toContain('**Unserved examples (2)**')
    expect(markdown).toContain('| api | Create user | POST | /users | 409 | Create user 409 |')
    expect(coverageMarkdown(report)).not.toContain('threshold')
  })

  it('escapes pipes in Markdown cells', () => {
    const piped = mergeCoverage([{ source: 'w', value: fragment({}, 't') }])
    piped.collections[0]!.label = 'a|b'
    expect(coverageMarkdown(piped)).toContain('| a\\|b | 0/5 |')
  })

  it('fails a threshold it does not reach, listing the unserved examples', () => {
    const check = checkCoverageThreshold(report, 61)
    expect(check.met).toBe(false)
    expect(check.unserved.map((e) => e.location)).toEqual(['item[0].response[1]', 'item[1].response[2]'])
    expect(check.message).toBe(
      [
        '[postmock] Failed to reach the example coverage threshold: 60.0% of the examples were served (3 of 5), below the threshold of 61%. Write tests that get the 2 unserved examples below, or lower coverage.threshold.',
        '  collection  request      method  path    code  example          location',
        '  api         List users   GET     /users  500   List users 500   item[0].response[1]',
        '  api         Create user  POST    /users  409   Create user 409  item[1].response[2]',
      ].join('\n'),
    )
    expect(checkCoverageThreshold(report, 60)).toMatchObject({ met: true, message: undefined })
    expect(checkCoverageThreshold(report, undefined).met).toBe(true)
  })

  it('never rounds a percentage up to a threshold it missed', () => {
    expect(formatPercent((2 / 3) * 100)).toBe('66.6%')
    expect(formatPercent(100)).toBe('100.0%')
  })

  it('checks the threshold option', () => {
    expect(validateThreshold(80, 'coverage.threshold')).toBe(80)
    expect(() => validateThreshold(180, 'coverage.threshold')).toThrow(
      '[postmock] Failed to read the coverage options: coverage.threshold: expected a percentage from 0 to 100, got 180. Pass e.g. 80, or leave it out.',
    )
    expect(() => validateThreshold('80', 'coverage.threshold')).toThrow('got "80"')
  })
})
