import { expect, test } from '../support/test.js'

test.describe('signed out', () => {
  test('401', async ({ page, postman }) => {
    postman.use({ request: 'Get user', code: 401 })
    await page.goto('/?api=data:,')
    await expect(page.locator('#mock')).toContainText('401')
  })

  test('signed in again', async ({ page }) => {
    await page.goto('/?mock=data:,')
    await expect(page.locator('#api')).toContainText('Ada Lovelace')
  })
})
