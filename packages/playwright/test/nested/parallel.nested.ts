import { expect, test } from '../support/test.js'

// Four tests in two workers, each with its own override; none may see another's.
const cases = [
  { code: 200, text: 'Ada Lovelace' },
  { code: 401, text: 'Missing or invalid token' },
  { code: 200, text: 'Ada Lovelace' },
  { code: 401, text: 'Missing or invalid token' },
]

for (const [index, { code, text }] of cases.entries()) {
  test(`parallel ${index}: code ${code}`, async ({ page, postman }) => {
    postman.use({ request: 'Get user', code })
    // overlap with the test in the other worker before the page asks
    await page.waitForTimeout(400)
    await page.goto('/')
    await expect(page.locator('#mock')).toContainText(text)
    await expect(page.locator('#api')).toContainText(text)
    expect(postman.calls().map((call) => call.status)).toEqual([code, code])
  })
}
