import { usageError } from '../cli-error.js'
import { oneFile, parseCommandLine } from '../command-line.js'
import { visible } from '../output/visible.js'
import { numberOption } from './number-option.js'

const options = {
  'base-url': { type: 'string', short: 'b' },
  environment: { type: 'string', short: 'e' },
  json: { type: 'boolean' },
  methods: { type: 'string' },
  concurrency: { type: 'string' },
  header: { type: 'string', short: 'H', multiple: true },
  timeout: { type: 'string' },
  'allow-extra': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

/** The methods sent by default: the safe ones (RFC 9110 §9.2.1), which change nothing on the server. */
export const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS']

/** What `postmock verify` was asked to do. */
export interface VerifySettings {
  help: false
  collection: string
  /** The API's origin and base path, without a trailing slash: `https://staging.api.example.com/v1`. */
  baseUrl: string
  environment: string | undefined
  json: boolean
  /** Upper-cased. */
  methods: ReadonlySet<string>
  concurrency: number
  /** `--header 'name: value'`, sent with every request over the saved headers. */
  headers: Array<[string, string]>
  timeoutMs: number
  allowExtraKeys: boolean
}

/** The largest delay a Node timer takes. */
export const MAX_TIMEOUT_MS = 2_147_483_647

/** How long one request may take, by default. */
export const DEFAULT_VERIFY_TIMEOUT_MS = 30_000

function readBaseUrl(value: string | undefined): string {
  if (value === undefined)
    throw usageError('verify', 'it needs --base-url <url>, the real API to send the requests to')
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw usageError(
      'verify',
      `--base-url must be an http:// or https:// URL without query, got "${visible(value)}"`,
    )
  }
  return url.href.replace(/\/+$/, '')
}

function readHeader(value: string): [string, string] {
  const colon = value.indexOf(':')
  const name = colon > 0 ? value.slice(0, colon).trim() : ''
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    // the value may be a secret: only its name (or nothing) is shown
    throw usageError('verify', `--header takes "Name: value", got one without a valid name before ":"`)
  }
  const headerValue = value.slice(colon + 1).trim()
  if (/[\0\r\n]/.test(headerValue))
    throw usageError('verify', `--header ${name}: its value holds a line break or NUL`)
  return [name.toLowerCase(), headerValue]
}

/** Reads and checks `verify`'s command line; `{ help: true }` for `--help`. */
export function readVerifyArgs(argv: string[]): VerifySettings | { help: true } {
  const { values, positionals } = parseCommandLine('verify', argv, options)
  if (values.help) return { help: true }
  const file = oneFile('verify', positionals)
  const methods = (values.methods ?? SAFE_METHODS.join(','))
    .split(',')
    .map((method) => method.trim().toUpperCase())
    .filter(Boolean)
  const bad = methods.find((method) => !/^[A-Z][A-Z-]*$/.test(method))
  if (methods.length === 0 || bad !== undefined) {
    throw usageError(
      'verify',
      `--methods takes method names separated by commas, e.g. GET,HEAD (got "${visible(values.methods ?? '')}")`,
    )
  }
  return {
    help: false,
    collection: file,
    baseUrl: readBaseUrl(values['base-url']),
    environment: values.environment,
    json: values.json === true,
    methods: new Set(methods),
    concurrency: numberOption('verify', '--concurrency', values.concurrency, 4, 64),
    headers: (values.header ?? []).map(readHeader),
    timeoutMs: numberOption('verify', '--timeout', values.timeout, DEFAULT_VERIFY_TIMEOUT_MS, MAX_TIMEOUT_MS),
    allowExtraKeys: values['allow-extra'] === true,
  }
}
