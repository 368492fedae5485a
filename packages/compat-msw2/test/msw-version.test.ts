import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createPostmanMock } from '@postmock/core'
import * as msw from 'msw'
import * as mswNode from 'msw/node'
import { describe, expect, test } from 'vitest'
import { msw2Aliases, msw2Dir } from '../msw2-aliases.js'

const collection = {
  info: {
    name: 'version probe',
    schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
  },
  item: [{ name: 'ping', request: { method: 'GET', url: 'https://api.example.com/ping' }, response: [] }],
}

describe('this suite really runs msw 2 on Node 20', () => {
  test('the Node running the tests is Node 20', () => {
    expect(process.versions.node.split('.')[0]).toBe('20')
  })

  test('the aliases point into msw 2.15.0', () => {
    const pkg = JSON.parse(readFileSync(path.join(msw2Dir, 'package.json'), 'utf8')) as { version: string }
    expect(pkg.version).toBe('2.15.0')
    for (const alias of msw2Aliases()) expect(alias.replacement.startsWith(msw2Dir + path.sep)).toBe(true)
  })

  test('the loaded `msw` is a 2.x build (msw 3 dropped cleanUrl and added getCleanUrlString)', () => {
    expect(typeof (msw as Record<string, unknown>).cleanUrl).toBe('function')
    expect('getCleanUrlString' in msw).toBe(false)
    expect(typeof (mswNode as Record<string, unknown>).SetupServerApi).toBe('function')
  })

  test("core's handlers are built by the same msw 2 module instance", () => {
    const mock = createPostmanMock(collection, { onWarning: () => {} })
    expect(mock.handlers.length).toBeGreaterThan(0)
    for (const handler of mock.handlers) expect(handler).toBeInstanceOf(msw.HttpHandler)
  })
})
