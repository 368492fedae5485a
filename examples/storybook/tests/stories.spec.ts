import { expect, test } from '@playwright/test'

const story = (id: string, base = '') => `${base}/iframe.html?id=${id}&viewMode=story`

test('the default story renders the collection’s 200 example', async ({ page }) => {
  await page.goto(story('usercard--signed-in'))
  await expect(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible()
  await expect(page.getByText('ada@example.com')).toBeVisible()
})

test('parameters.postman = { use: { code: 401 } } switches the story to the 401 example', async ({
  page,
}) => {
  await page.goto(story('usercard--unauthorized'))
  await expect(page.getByRole('alert')).toHaveText('Please sign in (Missing or invalid token)')
})

test('parameters.postman can name the example', async ({ page }) => {
  await page.goto(story('usercard--unauthorized-by-name'))
  await expect(page.getByRole('alert')).toHaveText('Please sign in (Missing or invalid token)')
})

test('sub-path hosting: the worker registers under /storybook/ and answers there', async ({ page }) => {
  await page.goto(story('usercard--signed-in', '/storybook'))
  await expect(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible()
  const scriptURL = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)
  expect(scriptURL).toMatch(/\/storybook\/mockServiceWorker\.js$/)
})

test('switching stories in the Storybook UI: one story’s override does not leak into the next', async ({
  page,
}) => {
  test.slow() // the manager UI loads its own bundles before the preview iframe
  await page.goto('/?path=/story/usercard--unauthorized')
  const preview = page.frameLocator('#storybook-preview-iframe')
  await expect(preview.getByRole('alert')).toHaveText('Please sign in (Missing or invalid token)')
  await page.getByRole('link', { name: 'Signed In' }).click()
  await expect(preview.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible()
})
