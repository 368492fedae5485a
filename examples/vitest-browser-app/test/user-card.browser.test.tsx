import type { ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, expect, test } from 'vitest'
import { page } from 'vitest/browser'
import { UserCard } from '../src/user-card'
import { servePostman } from './postman'

const postman = servePostman()
const api = { apiUrl: 'https://api.example.com', token: 'test-token' }

let root: Root | undefined
function render(element: ReactNode): void {
  const container = document.body.appendChild(document.createElement('div'))
  root = createRoot(container)
  root.render(element)
}
afterEach(() => {
  root?.unmount()
  document.body.replaceChildren()
})

test("msw's service worker from @postmock/vitest/plugin controls this page", () => {
  expect(navigator.serviceWorker.controller?.scriptURL).toBe(`${location.origin}/mockServiceWorker.js`)
})

test('renders the user from the 200 example', async () => {
  render(<UserCard {...api} id={1} />)
  await expect.element(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible()
  await expect.element(page.getByText('ada@example.com')).toBeVisible()
  expect(postman.calls({ request: 'Get user' })).toMatchObject([
    { status: 200, example: { name: 'Get user OK' } },
  ])
})

test('asks to sign in on the 401 example chosen with use()', async () => {
  postman.use({ request: 'Get user', code: 401 })
  render(<UserCard {...api} id={1} />)
  await expect.element(page.getByText('Please sign in')).toBeVisible()
  expect(postman.calls({ request: 'Get user' })).toMatchObject([{ status: 401, via: 'override' }])
})

test('shows the error when the request fails as a network would (a fault)', async () => {
  postman.use({ request: 'Get user', fault: 'network-error' })
  render(<UserCard {...api} id={1} />)
  await expect.element(page.getByRole('alert')).toHaveTextContent('The API cannot be reached (TypeError)')
})

test('the next test starts with no overrides and no calls', async () => {
  expect(postman.calls()).toEqual([])
  const response = await fetch('https://api.example.com/users/1', { headers: { authorization: 'Bearer t' } })
  expect(response.status).toBe(200)
})

test('explain() tells why each example won or lost', async () => {
  const explanation = await postman.explain(new Request('https://api.example.com/users/1'))
  expect(explanation.served).toBe(true)
  expect(explanation.winner).toMatchObject({ request: 'Get user' })
  expect(postman.unused().map((example) => example.name)).not.toContain('Get user OK')
})
