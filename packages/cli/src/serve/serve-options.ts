import { usageError } from '../cli-error.js'
import { parseByteSize } from './byte-size.js'

/** How `postmock serve` listens and protects itself: the command line's numbers, checked. */
export interface ServeLimits {
  /** Largest request body read, in bytes; a larger one gets 413. */
  maxBody: number
  /** How long a stop (SIGTERM, SIGINT) waits for requests in flight before it closes them. */
  drainMs: number
  /** Time to receive a request's headers (0: no limit). */
  headersTimeoutMs: number
  /** Time to receive a whole request, body included (0: no limit). */
  requestTimeoutMs: number
  /** How long an idle keep-alive connection stays open (0: no keep-alive timeout). */
  keepAliveTimeoutMs: number
  /** Open connections at most; one more is closed at once. */
  maxConnections: number
}

/**
 * The defaults, chosen for a mock on this machine rather than Node's for a public server: a local
 * client sends its headers and body at once (Node waits 60 s and 300 s), keeps idle connections
 * longer than undici's 4 s and Node's agent's 5 s (so it closes them first), and a test run opens
 * tens of connections, not thousands (Node sets no cap).
 */
export const SERVE_DEFAULTS: ServeLimits = {
  maxBody: 10 * 1024 * 1024,
  drainMs: 5000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 30_000,
  maxConnections: 1000,
}

/** The `parseArgs` options behind {@link ServeLimits}. */
export const LIMIT_OPTIONS = {
  'max-body': { type: 'string' },
  drain: { type: 'string' },
  'headers-timeout': { type: 'string' },
  'request-timeout': { type: 'string' },
  'keep-alive-timeout': { type: 'string' },
  'max-connections': { type: 'string' },
} as const

/**
 * A flag's whole number (at least `min`), or `fallback` when the flag is absent; anything else is a usage error.
 *
 * @example
 * wholeNumber('drain', '2000', 5000, 0) // 2000
 */
export function wholeNumber(flag: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw usageError(
      'serve',
      `--${flag} ${text} is not a whole number${min > 0 ? ` of at least ${min}` : ''}`,
    )
  }
  return value
}

/**
 * Reads `--max-body`, `--drain`, the timeouts and `--max-connections` (each falls back to
 * {@link SERVE_DEFAULTS}); a value that is not a size or a whole number is a usage error.
 *
 * @example
 * serveLimits({ 'max-body': '1mb', drain: '2000' }).maxBody // 1048576
 */
export function serveLimits(values: Record<string, string | boolean | undefined>): ServeLimits {
  const text = (flag: keyof typeof LIMIT_OPTIONS) => values[flag] as string | undefined
  let maxBody = SERVE_DEFAULTS.maxBody
  const bodyText = text('max-body')
  if (bodyText !== undefined) {
    const parsed = parseByteSize(bodyText)
    if (parsed === undefined) {
      throw usageError('serve', `--max-body ${bodyText} is not a size (bytes, or e.g. 512kb, 10mb, 1gb)`)
    }
    maxBody = parsed
  }
  const limits: ServeLimits = {
    maxBody,
    drainMs: wholeNumber('drain', text('drain'), SERVE_DEFAULTS.drainMs, 0),
    headersTimeoutMs: wholeNumber(
      'headers-timeout',
      text('headers-timeout'),
      SERVE_DEFAULTS.headersTimeoutMs,
      0,
    ),
    requestTimeoutMs: wholeNumber(
      'request-timeout',
      text('request-timeout'),
      SERVE_DEFAULTS.requestTimeoutMs,
      0,
    ),
    keepAliveTimeoutMs: wholeNumber(
      'keep-alive-timeout',
      text('keep-alive-timeout'),
      SERVE_DEFAULTS.keepAliveTimeoutMs,
      0,
    ),
    maxConnections: wholeNumber('max-connections', text('max-connections'), SERVE_DEFAULTS.maxConnections, 1),
  }
  if (limits.requestTimeoutMs > 0 && limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw usageError(
      'serve',
      `--headers-timeout ${limits.headersTimeoutMs} is longer than --request-timeout ${limits.requestTimeoutMs} (the headers are part of the request)`,
    )
  }
  return limits
}
