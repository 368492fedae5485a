import { expect, test } from '@playwright/test'
import type { CaseResult } from '../src/conformance.js'

// The repository's conformance cases (test/conformance), answered by MSW's service worker in Chromium.
test('every conformance case gives the same answer through the service worker', async ({ page }) => {
  test.setTimeout(90_000)
  await page.goto('/conformance.html')
  // Vite may reload the page once while it pre-bundles dependencies: wait for the run that finishes
  await expect(page.locator('#status')).toHaveText(/cases run|failed/, { timeout: 60_000 })
  const results = await page.evaluate(() => window.conformance!)
  const ran = results.filter((r: CaseResult) => !r.skipped)
  const failed = ran.filter((r: CaseResult) => r.problems.length > 0)
  const skipped = results.filter((r: CaseResult) => r.skipped).map((r: CaseResult) => `${r.id}: ${r.skipped}`)
  console.log(
    `${ran.length} conformance cases ran in Chromium, ${failed.length} failed, ${skipped.length} skipped`,
  )
  for (const line of skipped) console.log(`  skipped ${line}`)
  expect(ran.length).toBeGreaterThan(100)
  expect(failed).toEqual([])
})
