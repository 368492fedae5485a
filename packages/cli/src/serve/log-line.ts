import type { RecordedCall } from '@postmock/core'
import type { Palette } from '../output/colours.js'

/** The call core recorded for this request: the last one with the same method and URL. */
export function findCall(calls: RecordedCall[], method: string, url: string): RecordedCall | undefined {
  for (let i = calls.length - 1; i >= 0; i--) {
    const call = calls[i]!
    if (call.method.toUpperCase() === method && call.url === url) return call
  }
  return calls[calls.length - 1]
}

/** One log line: `GET /users/1 → 200 "Get user OK" (Get user) 3 ms`. */
export function logLine(
  colours: Palette,
  entry: {
    method: string
    path: string
    status: number
    ms: number
    call: RecordedCall | undefined
    note?: string
  },
): string {
  const { call } = entry
  let chosen: string
  if (entry.note) chosen = entry.note
  else if (call?.example) {
    const via = call.via === 'score' ? '' : colours.dim(` [${call.via}]`)
    chosen = `"${call.example.name}"${call.request ? colours.dim(` (${call.request})`) : ''}${via}`
  } else if (call?.via === 'auth') chosen = colours.dim('missing or wrong x-api-key')
  else if (call?.via === 'server-response')
    chosen = colours.dim('active server response (config.serverResponseId)')
  else chosen = colours.dim('no matching example')
  return `${colours.bold(entry.method)} ${entry.path} → ${colours.status(entry.status)} ${chosen} ${colours.dim(`${entry.ms} ms`)}`
}
