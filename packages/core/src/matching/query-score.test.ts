import { describe, expect, it } from 'vitest'
import { createPostmanMock } from '../mock/create-postman-mock.js'
import { scoreQuery } from './query-score.js'

describe('scoreQuery', () => {
  it('counts a key matched only by splitting a comma-separated request value', () => {
    const request: Array<[string, string]> = [['filter', 'invoices,tickets']]
    expect(scoreQuery(request, [['filter', 'invoices']])).toMatchObject({ adjustment: 10, commaMatches: 1 })
    expect(scoreQuery(request, [['filter', 'invoices,tickets']])).toMatchObject({
      adjustment: 10,
      commaMatches: 0,
    })
    expect(
      scoreQuery(
        [
          ['tag', 'a'],
          ['tag', 'b,c'],
        ],
        [
          ['tag', 'a'],
          ['tag', 'c'],
        ],
      ),
    ).toMatchObject({
      matches: 1,
      commaMatches: 1,
    })
  })
})

describe('an exact query value outranks a comma-split one', () => {
  const example = (id: string, name: string, query: string) => ({
    id,
    name,
    code: 200,
    originalRequest: { method: 'GET', url: `https://api.example.com/f?${query}` },
    body: name,
  })
  const mock = createPostmanMock({
    info: { name: 'comma', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      {
        name: 'Filter',
        request: { method: 'GET', url: 'https://api.example.com/f' },
        response: [
          example('a', 'invoices', 'filter=invoices'),
          example('b', 'both', 'filter=invoices,tickets'),
        ],
      },
    ],
  })

  it('in the answer and in explain()', async () => {
    const request = () => new Request('https://x.mock.pstmn.io/f?filter=invoices,tickets')
    expect(await (await mock.respond(request()))!.text()).toBe('both')
    const explanation = await mock.explain(request())
    expect(explanation.winner?.name).toBe('both')
    const loser = explanation.candidates.find((c) => c.example.name === 'invoices')!
    expect(loser.reason).toBe(
      'tied at 110, but its query matched only by splitting a comma-separated value; an exact key=value match outranks it',
    )
  })
})
