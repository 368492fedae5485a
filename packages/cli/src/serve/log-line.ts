import type { RecordedCall } from '@postmock/core'
import type { Palette } from '../output/colours.js'
import { visible } from '../output/visible.js'
import { maskedTarget } from './masked-target.js'

/** What the log says about one request. */
export interface LogEntry {
  method: string
  /** The request target as received (`/users/1?x=1`). */
  target: string
  ms: number
  /** The status sent, or `undefined` when no whole answer was sent. */
  status: number | undefined
  /** The call core recorded for this very request, if it reached core. */
  call: RecordedCall | undefined
  /** Says what happened instead of an example (`no mock served at …`). */
  note?: string
  /** Why no answer was sent (with `status` undefined). */
  unanswered?: string
}

function chosen(colours: Palette, call: RecordedCall | undefined): string {
  if (call?.example) {
    const via = call.via === 'score' ? '' : colours.dim(` [${call.via}]`)
    const request = call.request ? colours.dim(` (${visible(call.request)})`) : ''
    return `"${visible(call.example.name)}"${request}${via}`
  }
  if (call?.via === 'auth') return colours.dim('missing or wrong x-api-key')
  if (call?.via === 'server-response') return colours.dim('active server response (config.serverResponseId)')
  if (call?.via === 'limit') return colours.dim('call limit reached')
  return colours.dim('no matching example')
}

/**
 * One log line: `GET /users/1 → 200 "Get user OK" (Get user) 3 ms`. API keys in the query are masked
 * and control characters (from the path or the collection's names) are shown escaped (`\x1b`), so
 * the line cannot move the cursor or recolour a terminal. A request that got no answer says so
 * instead of a status: `GET /users/2 → no answer (closed at the --drain deadline) …`.
 *
 * @example
 * logLine(colours, { method: 'GET', target: '/users/1', ms: 3, status: 200, call })
 */
export function logLine(colours: Palette, entry: LogEntry): string {
  const head = `${colours.bold(entry.method)} ${visible(maskedTarget(entry.target))} →`
  const time = colours.dim(`${entry.ms} ms`)
  if (entry.status === undefined) {
    const example = entry.call?.example ? ` ${chosen(colours, entry.call)}` : ''
    return `${head} ${colours.red(`no answer (${entry.unanswered ?? 'the connection closed'})`)}${example} ${time}`
  }
  const what = entry.note ? colours.dim(visible(entry.note)) : chosen(colours, entry.call)
  return `${head} ${colours.status(entry.status)} ${what} ${time}`
}
