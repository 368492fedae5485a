import { expect, test } from './support/test.js'

test('postman.verify() compares a real answer with the example for its request', async ({ postman }) => {
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  const request = () => new Request('https://api.example.com/users/1')
  const same = await postman.verify(request(), json({ id: 2, name: 'Grace', email: 'g@example.com' }))
  expect(same).toMatchObject({ ok: true, example: { name: 'Get user OK' }, differences: [] })
  const drifted = await postman.verify(request(), json({ id: '2', name: 'Grace' }))
  expect(drifted.differences.map((d) => d.text)).toEqual(['$.id number → string', '$.email missing'])
  expect(postman.calls()).toEqual([])
})
