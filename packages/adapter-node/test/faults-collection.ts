/**
 * A collection for fault and sequence tests: `GET https://api.example.com/users/1` with a 200 (JSON),
 * a 503 and a 404 example, and `GET /users` with one list.
 */
const schema = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
const url = (path: string) => ({
  raw: `https://api.example.com${path}`,
  host: ['api', 'example', 'com'],
  protocol: 'https',
  path: path.split('/').filter(Boolean),
})
const json = [{ key: 'Content-Type', value: 'application/json' }]

function example(name: string, code: number, path: string, body: string) {
  return { name, code, status: '', header: json, body, originalRequest: { method: 'GET', url: url(path) } }
}

/** The user every 200 answers with; a malformed answer cuts it in half. */
export const USER = { id: 1, name: 'Ada Lovelace', email: 'ada@example.com' }

export const FLAKY_COLLECTION = {
  info: { name: 'flaky users', schema },
  item: [
    {
      name: 'Get user',
      request: { method: 'GET', url: url('/users/1') },
      response: [
        example('Get user OK', 200, '/users/1', JSON.stringify(USER)),
        example('Busy', 503, '/users/1', '{"error":"busy"}'),
        example('Gone', 404, '/users/1', '{"error":"gone"}'),
      ],
    },
    {
      name: 'List users',
      request: { method: 'GET', url: url('/users') },
      response: [example('Users', 200, '/users', JSON.stringify([USER]))],
    },
  ],
}
