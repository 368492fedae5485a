import { expect, test } from '../support/test.js'

// Both tests fail at the postman fixture's teardown; nested.spec.ts checks how.

test('unmatched request to a served origin', async ({ page }) => {
  await page.goto('/?api=data:,&mock=https://abc.mock.pstmn.io/users/1/posts')
  // the app still receives Postman's not-found answer, as the real mock would send
  await expect(page.locator('#mock')).toContainText('404')
})

test('request to an unserved origin', async ({ page }) => {
  await page.goto('/?api=data:,&mock=https://unserved.example.org/users/1')
  await expect(page.locator('#mock')).toContainText('error')
})
