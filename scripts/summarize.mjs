// Sums the JSON reports of vitest, jest and Playwright into one closing line: "N passed, N failed".
import fs from 'node:fs'

const dir = process.argv[2] ?? 'reports'
const failedSteps = process.argv.slice(3)
let passed = 0
let failed = 0
let skipped = 0
for (const file of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const report = JSON.parse(fs.readFileSync(`${dir}/${file}`, 'utf8'))
  let p = 0
  let f = 0
  let s = 0
  if (report.stats && 'expected' in report.stats) {
    p = report.stats.expected + (report.stats.flaky ?? 0)
    f = report.stats.unexpected
    s = report.stats.skipped
  } else {
    p = report.numPassedTests ?? 0
    f = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0)
    s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  }
  console.log(`  ${file.padEnd(40)} ${p} passed, ${f} failed, ${s} skipped`)
  passed += p
  failed += f
  skipped += s
}
for (const step of failedSteps) console.log(`  failed step: ${step}`)
failed += failedSteps.length
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed ? 1 : 0)
