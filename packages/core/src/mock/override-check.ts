import type { Fault, MockOverride } from '../glossary.js'
import { postmockError } from '../messages.js'

const FAULTS: readonly Fault[] = ['network-error', 'timeout', 'reset', 'malformed']
const STEP_KEYS = new Set(['code', 'example', 'id', 'fault', 'after', 'delay'])
const ANSWER_KEYS = ['code', 'example', 'id', 'fault', 'after', 'delay'] as const
const USAGE = 'Pass { request?, example?, code?, id?, once?, fault?, after?, delay?, sequence?, then? }'

function fail(option: string, expected: string, value: unknown): never {
  throw postmockError(
    'INVALID_OPTION',
    'apply use()',
    `"${option}": expected ${expected}, got ${JSON.stringify(value)}`,
    USAGE,
    option,
  )
}

/** Checks the parts an override and a sequence step share; `at` is the option path before each name. */
function checkAnswer(answer: Record<string, unknown>, at: string): void {
  if (answer.code !== undefined && !Number.isInteger(answer.code))
    fail(`${at}code`, 'an integer status code', answer.code)
  for (const key of ['example', 'id'] as const) {
    if (answer[key] !== undefined && typeof answer[key] !== 'string')
      fail(`${at}${key}`, 'a string', answer[key])
  }
  const { fault, after, delay } = answer
  if (fault !== undefined && !FAULTS.includes(fault as Fault))
    fail(`${at}fault`, FAULTS.map((name) => `"${name}"`).join(', '), fault)
  if (after !== undefined) {
    if (typeof after !== 'number' || !Number.isFinite(after) || after < 0)
      fail(`${at}after`, 'milliseconds (0 or more)', after)
    if (fault !== 'timeout')
      fail(`${at}after`, 'to come with fault: "timeout" (it is when the timeout gives up)', after)
  }
  if (
    delay !== undefined &&
    delay !== '2G' &&
    delay !== '3G' &&
    !(typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 && delay <= 180000)
  )
    fail(`${at}delay`, 'milliseconds (0–180000), "2G" or "3G"', delay)
}

function checkSequence(override: MockOverride): void {
  const { sequence } = override
  if (!Array.isArray(sequence) || sequence.length === 0)
    fail('sequence', 'a non-empty array of steps', sequence)
  for (const key of ANSWER_KEYS) {
    if (override[key] !== undefined)
      fail(key, `no "${key}" beside "sequence" (give each step its own)`, override[key])
  }
  sequence.forEach((step: unknown, i) => {
    if (!step || typeof step !== 'object' || Array.isArray(step)) fail(`sequence[${i}]`, 'an object', step)
    for (const key of Object.keys(step)) {
      if (!STEP_KEYS.has(key))
        fail(`sequence[${i}].${key}`, `one of ${[...STEP_KEYS].join(', ')} (a step has no "${key}")`, key)
    }
    checkAnswer(step as Record<string, unknown>, `sequence[${i}].`)
  })
}

/**
 * Throws a `[postmock]` error naming the option at fault (`code`, `sequence[2].fault`…) when an override
 * passed to `use()` is not one postmock understands.
 *
 * @example
 * checkOverride({ request: 'Get user', sequence: [{ code: 503 }, { code: 200 }] })
 */
export function checkOverride(override: MockOverride): void {
  if (!override || typeof override !== 'object') fail('override', 'an object', override)
  if (override.request !== undefined && typeof override.request !== 'string')
    fail('request', 'a string', override.request)
  checkAnswer(override as Record<string, unknown>, '')
  if (override.sequence !== undefined) checkSequence(override)
  if (override.then !== undefined) {
    if (override.then !== 'repeat' && override.then !== 'collection')
      fail('then', '"repeat" or "collection"', override.then)
    if (override.sequence === undefined) fail('then', 'to come with a "sequence"', override.then)
  }
}
