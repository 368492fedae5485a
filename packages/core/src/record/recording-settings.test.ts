import { describe, expect, test } from 'vitest'
import type { RecordedCall } from '../glossary.js'
import { createPostmanMock } from '../mock/create-postman-mock.js'
import { forwardedHeaders } from './forwarded-headers.js'
import {
  readRecordingOptions,
  readRecordMode,
  readTargetUrl,
  recordingDecision,
  recordTargetOf,
} from './recording-settings.js'

describe('readRecordingOptions', () => {
  test('POSTMOCK_RECORD wins over record; off without either', () => {
    expect(readRecordMode('missing', 'all')).toBe('all')
    expect(readRecordMode(undefined, ' missing ')).toBe('missing')
    expect(readRecordMode(false, '')).toBeUndefined()
    expect(
      readRecordingOptions({ record: 'all', recordTarget: 'https://api.example.com/v1/' }, undefined),
    ).toEqual({
      mode: 'all',
      recordTarget: 'https://api.example.com/v1',
      redact: undefined,
    })
  })

  test('each wrong value names its option', () => {
    expect(() => readRecordMode('sometimes', undefined)).toThrow(
      `[postmock] Failed to read the record option: expected 'missing' or 'all', got "sometimes".`,
    )
    expect(() => readRecordMode('missing', 'yes')).toThrow(
      "[postmock] Failed to read the POSTMOCK_RECORD environment option: expected 'missing' or 'all', got 'yes'. Set POSTMOCK_RECORD=missing or POSTMOCK_RECORD=all, or unset it.",
    )
    expect(() => readTargetUrl('recordTarget', 'https://api.example.com?x=1')).toThrow(
      'Failed to read the recordTarget option: expected an absolute http(s) URL without query',
    )
    // checked even when recording is off, so a typo shows at once
    expect(() => readRecordingOptions({ redact: { header: ['x'] } as never }, undefined)).toThrow(
      'Failed to read the redact.header option',
    )
  })
})

describe('recordTargetOf', () => {
  test('a baseUrls origin is its own target; a mock host goes below recordTarget', () => {
    expect(recordTargetOf(['http://127.0.0.1:4010'], undefined, 'http://127.0.0.1:4010/users/1?a=1')).toEqual(
      {
        target: 'http://127.0.0.1:4010',
        url: 'http://127.0.0.1:4010/users/1?a=1',
      },
    )
    expect(recordTargetOf([], 'https://api.example.com/v1', 'https://abc.mock.pstmn.io/users/1')).toEqual({
      target: 'https://api.example.com/v1',
      url: 'https://api.example.com/v1/users/1',
    })
    expect(recordTargetOf([], undefined, 'https://abc.mock.pstmn.io/users/1')).toBeUndefined()
  })
})

describe('recordingDecision', () => {
  const mock = createPostmanMock({
    info: { name: 'API', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      {
        name: 'Get user',
        request: { method: 'GET', url: '{{baseUrl}}/users/:id' },
        response: [
          {
            id: 'u1',
            name: 'User 1',
            originalRequest: { method: 'GET', url: '{{baseUrl}}/users/1' },
            code: 200,
            body: '{}',
          },
        ],
      },
    ],
    variable: [{ key: 'baseUrl', value: 'https://api.example.com' }],
  })
  const where = (path: string) =>
    recordTargetOf([], 'https://staging.example.com', `https://abc.mock.pstmn.io${path}`)
  const call = (fields: Partial<RecordedCall>): RecordedCall => ({
    method: 'GET',
    url: 'https://abc.mock.pstmn.io/users/1',
    request: undefined,
    example: undefined,
    status: 404,
    via: 'not-found',
    ...fields,
  })
  const matched = call({
    via: 'score',
    status: 200,
    example: { name: 'User 1', id: 'u1', code: 200, location: mock.examples[0]!.location },
  })

  test("'missing' sends what no example answers, nothing else", () => {
    expect(
      recordingDecision('missing', call({}), mock.examples, where('/users/1'), 'https://abc.mock.pstmn.io/x'),
    ).toEqual({})
    expect(
      recordingDecision('missing', matched, mock.examples, where('/users/1'), matched.url),
    ).toBeUndefined()
    expect(recordingDecision('missing', undefined, mock.examples, undefined, matched.url)).toBeUndefined()
  })

  test("'all' refreshes the example saved for this path, adds beside one saved for another", () => {
    expect(recordingDecision('all', matched, mock.examples, where('/users/1'), matched.url)).toEqual({
      replaces: { location: mock.examples[0]!.location, name: 'User 1', id: 'u1' },
    })
    const other = { ...matched, url: 'https://abc.mock.pstmn.io/users/7' }
    expect(recordingDecision('all', other, mock.examples, where('/users/7'), other.url)).toEqual({})
  })

  test('a chosen example or a fault stays the mock’s', () => {
    for (const chosen of [
      { via: 'override' as const },
      { via: 'x-mock-response-name' as const },
      { fault: 'reset' as const },
    ])
      expect(
        recordingDecision('all', { ...matched, ...chosen }, mock.examples, where('/users/1'), matched.url),
      ).toBeUndefined()
  })
})

test('forwardedHeaders leaves out the hop and the encoding of a body read whole, keeps repeats', () => {
  expect(
    forwardedHeaders([
      ['Content-Type', 'application/json'],
      ['content-encoding', 'gzip'],
      ['Content-Length', '12'],
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['connection', 'keep-alive'],
    ]),
  ).toEqual([
    ['Content-Type', 'application/json'],
    ['set-cookie', 'a=1'],
    ['set-cookie', 'b=2'],
  ])
})
