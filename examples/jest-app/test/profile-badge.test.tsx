import { afterEach, expect, test } from '@jest/globals'
import { setupPostmanMocks } from '@postmock/jest'
import { cleanup, render, screen } from '@testing-library/react'
import { ProfileBadge } from '../src/profile-badge'

const postman = setupPostmanMocks('../testAPI.postman_collection.json', {
  environment: '../testAPIEnv.postman_environment.json',
  baseUrls: ['https://api.example.com'],
})
afterEach(cleanup)

test('shows the signed-in user', async () => {
  render(<ProfileBadge apiUrl="https://api.example.com" userId={1} token="test-token" />)
  expect((await screen.findByText('Signed in as Ada Lovelace')).getAttribute('title')).toBe('ada@example.com')
})

test('shows a sign-in button on 401', async () => {
  postman.use({ request: 'Get user', code: 401 })
  render(<ProfileBadge apiUrl="https://api.example.com" userId={1} />)
  expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy()
})
