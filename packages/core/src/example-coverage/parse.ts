import { postmockError } from '../messages.js'
import type { CoverageCollection, CoverageExample } from './types.js'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function fail(source: string, path: string, reason: string): never {
  throw postmockError(
    'INVALID_COVERAGE',
    `read the coverage report ${source}`,
    `${path}: ${reason}`,
    'Pass postmock-coverage.json files written by a postmock coverage reporter or by postmock coverage merge',
    path,
  )
}

function field<T>(
  source: string,
  object: Json,
  path: string,
  name: string,
  check: (v: unknown) => v is T,
  what: string,
): T {
  const value = object[name]
  if (!check(value))
    fail(source, `${path}.${name}`, `expected ${what}, got ${JSON.stringify(value) ?? 'nothing'}`)
  return value
}

const isString = (v: unknown): v is string => typeof v === 'string'
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString)
const isArray = (v: unknown): v is unknown[] => Array.isArray(v)

function readExample(source: string, value: unknown, path: string): CoverageExample {
  if (!isObject(value)) fail(source, path, 'expected an object')
  const text = (name: string) => field(source, value, path, name, isString, 'a string')
  return {
    location: text('location'),
    request: text('request'),
    name: text('name'),
    method: text('method'),
    path: text('path'),
    code: field(source, value, path, 'code', isCount, 'a status code'),
    calls: field(source, value, path, 'calls', isCount, 'a count'),
    tests: field(source, value, path, 'tests', isStrings, 'an array of test names'),
  }
}

function readCollection(
  source: string,
  value: unknown,
  path: string,
): Omit<CoverageCollection, 'total' | 'served'> {
  if (!isObject(value)) fail(source, path, 'expected an object')
  const examples = field(source, value, path, 'examples', isArray, 'an array')
  return {
    label: field(source, value, path, 'label', isString, 'a string'),
    key: field(source, value, path, 'key', isString, 'a string'),
    examples: examples.map((example, i) => readExample(source, example, `${path}.examples[${i}]`)),
  }
}

/**
 * Checks that `value` is a coverage fragment or report (`format: 'postmock-coverage'`, version 1) and
 * returns its collections; the totals are recomputed by {@link mergeCoverage}, never trusted.
 * Throws a `PostmockError` (`INVALID_COVERAGE`) naming `source` and the JSON path at fault.
 *
 * @example
 * const collections = readCoverage(JSON.parse(text), 'shard-1/postmock-coverage.json')
 */
export function readCoverage(
  value: unknown,
  source: string,
): Array<Omit<CoverageCollection, 'total' | 'served'>> {
  if (!isObject(value) || value.format !== 'postmock-coverage') {
    fail(source, '$', 'not a postmock coverage report (no "format": "postmock-coverage")')
  }
  if (value.version !== 1) fail(source, '$.version', `expected 1, got ${JSON.stringify(value.version)}`)
  const collections = field(source, value, '$', 'collections', isArray, 'an array')
  return collections.map((collection, i) => readCollection(source, collection, `$.collections[${i}]`))
}
