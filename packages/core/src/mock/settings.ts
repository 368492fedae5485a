import type { DelaySetting, PostmanMockOptions, TieBreak } from '../glossary.js'
import type { MatchSettings } from '../matching/match.js'
import { postmockError } from '../messages.js'

const TIE_BREAKS: readonly TieBreak[] = [
  'id-prefer-200',
  'prefer-2xx',
  'last-lexicographic',
  'collection-order',
]

function invalid(option: string, expected: string, value: unknown): never {
  throw postmockError(
    'INVALID_OPTION',
    'read the options',
    `option "${option}": expected ${expected}, got ${JSON.stringify(value)}`,
    'Fix the option; see the PostmanMockOptions documentation',
    option,
  )
}

function boolean(options: PostmanMockOptions, key: keyof PostmanMockOptions, fallback: boolean): boolean {
  const value = options[key]
  if (value === undefined) return fallback
  if (typeof value !== 'boolean') invalid(key, 'true or false', value)
  return value
}

function stringList(value: unknown, option: string): string[] | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
    invalid(option, 'an array of strings', value)
  return value as string[]
}

/** Checks a delay option: milliseconds (0–180000) or a preset. */
export function readDelay(value: unknown, option = 'delay'): DelaySetting | undefined {
  if (value === undefined || value === null) return undefined
  if (value === '2G' || value === '3G') return value
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 180000) return value
  return invalid(option, 'milliseconds (0–180000), "2G" or "3G"', value)
}

function nameScope(value: unknown): 'collection' | 'request' {
  if (value === undefined || value === 'collection' || value === 'request') return value ?? 'collection'
  return invalid('nameLookupScope', '"collection" or "request"', value)
}

function privateAuthError(value: unknown): 'AuthenticationError' | 'mockNotFoundError' {
  if (value === undefined) return 'AuthenticationError'
  if (value === 'AuthenticationError' || value === 'mockNotFoundError') return value
  return invalid('privateAuthError', '"AuthenticationError" or "mockNotFoundError"', value)
}

function serverResponse(value: PostmanMockOptions['serverResponse']): PostmanMockOptions['serverResponse'] {
  if (value === undefined) return undefined
  if (
    !value ||
    typeof value !== 'object' ||
    !Number.isInteger(value.statusCode) ||
    value.statusCode < 500 ||
    value.statusCode > 599
  ) {
    return invalid(
      'serverResponse.statusCode',
      'a 5xx status code, as Postman allows for server responses',
      value?.statusCode,
    )
  }
  return value
}

function limits(value: PostmanMockOptions['limits']): PostmanMockOptions['limits'] {
  if (value === undefined) return undefined
  if (!value || typeof value !== 'object') return invalid('limits', '{ callsPerMinute?, totalCalls? }', value)
  for (const key of ['callsPerMinute', 'totalCalls'] as const) {
    const count = value[key]
    if (count !== undefined && (!Number.isInteger(count) || count < 0))
      invalid(`limits.${key}`, 'a whole number', count)
  }
  return value
}

/** The checked, defaulted options of one mock. */
export interface CheckedOptions {
  settings: MatchSettings
  private: boolean
  apiKeys: string[] | undefined
  delay: DelaySetting | undefined
  mockIds: string[] | undefined
  seed: number | undefined
  strict: boolean
  coerceUnknownStatusTo200: boolean
  privateAuthError: 'AuthenticationError' | 'mockNotFoundError'
  serverResponse: PostmanMockOptions['serverResponse']
  limits: PostmanMockOptions['limits']
  serverHeaders: boolean
}

/** Validates options and applies Postman's defaults (matchQueryParams and matchWildcards on, filters off). */
export function checkOptions(options: PostmanMockOptions): CheckedOptions {
  if (options.tieBreak !== undefined && !TIE_BREAKS.includes(options.tieBreak)) {
    invalid('tieBreak', TIE_BREAKS.map((t) => `"${t}"`).join(', '), options.tieBreak)
  }
  if (options.seed !== undefined && (typeof options.seed !== 'number' || !Number.isInteger(options.seed))) {
    invalid('seed', 'an integer', options.seed)
  }
  const isPrivate = boolean(options, 'private', false)
  const apiKeys = stringList(options.apiKeys, 'apiKeys')
  return {
    settings: {
      matchQueryParams: boolean(options, 'matchQueryParams', true),
      matchWildcards: boolean(options, 'matchWildcards', true),
      matchBody: boolean(options, 'matchBody', false),
      matchHeaders: stringList(options.matchHeaders, 'matchHeaders') ?? [],
      tieBreak: options.tieBreak ?? 'id-prefer-200',
      nameScope: nameScope(options.nameLookupScope),
    },
    private: isPrivate,
    apiKeys,
    delay: readDelay(options.delay),
    mockIds: stringList(options.mockIds, 'mockIds')?.map((id) => id.toLowerCase()),
    seed: options.seed,
    strict: boolean(options, 'strict', false),
    coerceUnknownStatusTo200: boolean(options, 'coerceUnknownStatusTo200', false),
    privateAuthError: privateAuthError(options.privateAuthError),
    serverResponse: serverResponse(options.serverResponse),
    limits: limits(options.limits),
    serverHeaders: boolean(options, 'serverHeaders', false),
  }
}
