// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { createApiClient } from '../src/api-client'
import { UserCard } from '../src/user-card'
import { servePostman } from './postman'

const postman = servePostman()
const client = createApiClient({ baseUrl: 'https://api.example.com', token: 'test-token' })
afterEach(cleanup)

test('renders the user from the 200 example', async () => {
  render(<UserCard client={client} id={1} />)
  expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy()
  expect(screen.getByText('ada@example.com')).toBeTruthy()
})

test('asks to sign in on the 401 example', async () => {
  postman.use({ request: 'Get user', code: 401 })
  render(<UserCard client={client} id={1} />)
  expect(await screen.findByText('Please sign in')).toBeTruthy()
  expect(postman.calls({ request: 'Get user' })).toHaveLength(1)
})
