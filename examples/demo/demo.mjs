// The seed scenario, in-process: the testAPI collection (one request, two saved examples: 200 and 401)
// and the testAPIEnv environment become MSW handlers; the global fetch is answered with no network.
import { createPostmanMock } from '@postmock/core'
import { loadCollection, loadEnvironment } from '@postmock/core/node'
import { setupServer } from 'msw/node'

const here = new URL('..', import.meta.url).pathname
const postman = createPostmanMock(await loadCollection(`${here}testAPI.postman_collection.json`), {
  environment: await loadEnvironment(`${here}testAPIEnv.postman_environment.json`),
  baseUrls: ['https://api.example.com'],
})
const server = setupServer(...postman.handlers)
// msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame: anything not served is refused.
server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' })

const mock = 'https://6f1c2a3e.mock.pstmn.io'
const calls = [
  ['plain', `${mock}/users/1`, {}],
  ['x-mock-response-code: 401', `${mock}/users/1`, { 'x-mock-response-code': '401' }],
  ['x-mock-response-name: Unauthorized', `${mock}/users/42`, { 'x-mock-response-name': 'Unauthorized' }],
  ['the app base URL', 'https://api.example.com/users/7', {}],
  ['an unmatched path', `${mock}/orders/1`, {}],
]
for (const [label, url, headers] of calls) {
  const response = await fetch(url, { headers })
  const body = (await response.text()).replace(/\s+/g, ' ')
  console.log(`\n# ${label}\nGET ${url}\n→ ${response.status} ${response.statusText}  ${body}`)
}

console.log('\n# why the unmatched path got a 404 (postman.explain)')
console.log((await postman.explain(new Request(`${mock}/orders/1`))).report)

postman.use({ request: 'Get user', code: 401 })
const chosen = await fetch(`${mock}/users/1`)
console.log(`\n# postman.use({ request: 'Get user', code: 401 }) → ${chosen.status} ${chosen.statusText}`)
console.log(`\n# postman.calls(): ${postman.calls().length} calls`)
for (const call of postman.calls())
  console.log(
    `  ${call.method} ${call.url} → ${call.status} ${call.example?.name ?? '(not found)'} [${call.via}]`,
  )
server.close()
