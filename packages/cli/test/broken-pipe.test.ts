import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { BIN } from './run-cli.js'

const COLLECTION = fileURLToPath(new URL('./fixtures/warnings.postman_collection.json', import.meta.url))

it('stops quietly with exit code 0 when the reader of its output goes away (inspect … | head -n 1)', async () => {
  const child = spawn(process.execPath, [BIN, 'inspect', COLLECTION], {
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Close the read end before the first line arrives: every write the CLI makes then fails with EPIPE.
  child.stdout.destroy()
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  expect(stderr).not.toMatch(/EPIPE|Unhandled 'error' event/)
  expect(code).toBe(0)
})
