import { expect, test } from '../support/test.js'

test('signed in', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('#mock')).toContainText('Ada Lovelace')
  await expect(page.locator('#api')).toContainText('Ada Lovelace')
})
