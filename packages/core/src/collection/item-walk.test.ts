import { describe, expect, test } from 'vitest'
import { createPostmanMock } from '../index.js'
import type { PostmockWarning } from '../messages.js'
import { MAX_PATH_SEGMENTS } from './example-reader.js'
import { MAX_FOLDER_DEPTH } from './item-walk.js'

const schema = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
const request = (name: string, url = `https://x.test/${name}`) => ({
  name,
  request: { method: 'GET', url },
  response: [{ name, code: 200, body: `{"name":"${name}"}` }],
})

function load(item: unknown[], strict = false) {
  const warnings: PostmockWarning[] = []
  const mock = createPostmanMock(
    { info: { name: 'x', schema }, item },
    { strict, onWarning: (w) => warnings.push(w) },
  )
  return { mock, warnings }
}

describe('folders nested without end', () => {
  test('10,000 levels: no stack overflow; folders past the limit are skipped with their JSON path', () => {
    let items: unknown[] = [request('deepest')]
    for (let i = 0; i < 10_000; i++)
      items = [{ name: `f${i}`, item: i === 9_000 ? [...items, request('mid')] : items }]
    const { mock, warnings } = load([...items, request('top')])
    expect(mock.examples.map((e) => e.request)).toEqual(['mid', 'top'])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.code).toBe('INVALID_COLLECTION')
    expect(warnings[0]!.path).toBe(`item[0]${'.item[0]'.repeat(MAX_FOLDER_DEPTH)}`)
    expect(warnings[0]!.message).toMatch(
      /: folders nest more than 1,000 deep here\. It was skipped with what it holds\.$/,
    )
  })

  test('folders up to the limit are read, with their folder names', () => {
    let items: unknown[] = [request('deep')]
    for (let i = MAX_FOLDER_DEPTH - 1; i >= 0; i--) items = [{ name: `f${i}`, item: items }]
    const { mock, warnings } = load(items)
    expect(warnings).toEqual([])
    expect(mock.examples[0]!.folders).toHaveLength(MAX_FOLDER_DEPTH)
    expect(mock.examples[0]!.folders.at(-1)).toBe(`f${MAX_FOLDER_DEPTH - 1}`)
  })

  test('strict: true turns the skipped folder into a PostmockError with the path', () => {
    let items: unknown[] = [request('deepest')]
    for (let i = 0; i < MAX_FOLDER_DEPTH + 5; i++) items = [{ name: `f${i}`, item: items }]
    expect(() => load(items, true)).toThrow(
      expect.objectContaining({
        name: 'PostmockError',
        code: 'INVALID_COLLECTION',
        path: `item[0]${'.item[0]'.repeat(MAX_FOLDER_DEPTH)}`,
      }),
    )
  })
})

describe('built collections that are cyclic or share objects', () => {
  test('a folder that holds itself is read once, with a warning', () => {
    const folder: { name: string; item: unknown[] } = { name: 'loop', item: [request('a')] }
    folder.item.push(folder)
    const { mock, warnings } = load([folder])
    expect(mock.examples.map((e) => e.request)).toEqual(['a'])
    expect(warnings.map((w) => w.path)).toEqual(['item[0].item[1]'])
    expect(warnings[0]!.message).toContain('a folder already read above (a cyclic or shared reference)')
  })

  test('a folder shared 2^40 ways is read once per object, not once per path', () => {
    let shared: unknown = { name: 'leaf', item: [request('leaf')] }
    for (let i = 0; i < 40; i++) shared = { name: `f${i}`, item: [shared, shared] }
    const { mock, warnings } = load([shared])
    expect(mock.examples).toHaveLength(1)
    expect(warnings).toHaveLength(40)
  })
})

describe('saved paths of thousands of segments', () => {
  test(`more than ${MAX_PATH_SEGMENTS} segments: skipped with a warning, no stack overflow`, async () => {
    const wild = Array.from({ length: 6_000 }, (_, i) => `{{v${i}}}`).join('/')
    const { mock, warnings } = load([request('long', `https://x.test/${wild}`), request('short')])
    expect(mock.examples.map((e) => e.request)).toEqual(['short'])
    expect(warnings.map((w) => w.path)).toEqual(['item[0].response[0].originalRequest.url'])
    expect(warnings[0]!.message).toContain('its path has 6,000 segments, more than the 1,000 postmock reads')
    const response = await mock.respond(new Request(`https://m.mock.pstmn.io/${'s/'.repeat(6_000)}`))
    expect(response?.status).toBe(404)
  })

  test(`${MAX_PATH_SEGMENTS} wildcard segments are read and matched`, async () => {
    const wild = Array.from({ length: MAX_PATH_SEGMENTS }, (_, i) => `{{v${i}}}`).join('/')
    const { mock, warnings } = load([request('long', `https://x.test/${wild}`)])
    expect(warnings).toEqual([])
    const path = Array.from({ length: MAX_PATH_SEGMENTS }, (_, i) => `s${i}`).join('/')
    const response = await mock.respond(new Request(`https://m.mock.pstmn.io/${path}`))
    expect(await response?.json()).toEqual({ name: 'long' })
  })
})

describe('names that are not text', () => {
  test('{"toString": 1} as a folder, request or collection name is read as empty, with a warning', () => {
    const warnings: PostmockWarning[] = []
    const mock = createPostmanMock(
      {
        info: { name: { toString: 1 }, schema },
        item: [
          { name: { toString: 1 }, item: [{ ...request('r'), name: ['x'] }] },
          { ...request('n'), name: 7 },
        ],
      },
      { onWarning: (w) => warnings.push(w) },
    )
    expect(mock.examples.map((e) => [e.folders, e.request])).toEqual([
      [[''], ''],
      [[], '7'],
    ])
    expect(warnings.map((w) => w.path)).toEqual(['item[0].name', 'item[0].item[0].name'])
    expect(warnings[0]!.message).toBe(
      '[postmock] Failed to read a name: item[0].name: expected a string, got an object. It is read as empty.',
    )
  })
})
