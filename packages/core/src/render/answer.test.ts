import { expect, test } from 'vitest'
import { plainAnswer, toResponse } from './answer.js'

test('a string body without a content type carries the one new Response(string) adds', () => {
  const answer = plainAnswer(200, 'OK', new Headers({ 'x-a': '1' }), '')
  expect([...answer.headers]).toEqual([...new Response('', { headers: { 'x-a': '1' } }).headers])
  expect([...toResponse(answer).headers]).toEqual([...answer.headers])
  expect(plainAnswer(204, '', new Headers(), null).headers.has('content-type')).toBe(false)
  expect(plainAnswer(200, '', new Headers({ 'content-type': 'a/b' }), 'x').headers.get('content-type')).toBe(
    'a/b',
  )
})
