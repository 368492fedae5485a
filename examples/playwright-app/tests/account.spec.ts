import { expect, test } from './test.js'

test('shows the signed-in user', async ({ page, postman }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible()
  await expect(page.getByText('ada@example.com')).toBeVisible()
  expect(postman.calls({ request: 'Get user' })).toMatchObject([
    { method: 'GET', url: 'https://api.example.com/users/1', status: 200, example: { name: 'Get user OK' } },
  ])
})

test('401 shows the sign-in page', async ({ page, postman }) => {
  postman.use({ request: 'Get user', code: 401 })
  await page.goto('/')
  await expect(page.getByRole('alert')).toHaveText('Please sign in')
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()
  expect(postman.calls({ request: 'Get user' })).toHaveLength(1)
})

test('the example name chooses the answer, once', async ({ page, postman }) => {
  postman.use({ request: 'Get user', example: 'Unauthorized', once: true })
  await page.goto('/')
  await expect(page.getByRole('alert')).toHaveText('Please sign in')
  await page.getByRole('button', { name: 'Load' }).click()
  await expect(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible()
  expect(postman.calls().map((call) => call.status)).toEqual([401, 200])
})

test('another user id is answered by the same example, as Postman’s id rule does', async ({
  page,
  postman,
}) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible()
  await page.getByLabel('User id').fill('42')
  await page.getByRole('button', { name: 'Load' }).click()
  await expect
    .poll(() => postman.calls().map((call) => call.url))
    .toEqual(['https://api.example.com/users/1', 'https://api.example.com/users/42'])
  await expect(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible()
})
