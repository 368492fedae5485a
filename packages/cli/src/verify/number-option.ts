import { usageError } from '../cli-error.js'
import { visible } from '../output/visible.js'

/**
 * Reads a whole-number option (`--concurrency 4`, `--timeout 30000`) of `command`, from 1 to `max`;
 * `fallback` when it is not given.
 *
 * @example
 * numberOption('verify', '--concurrency', '8', 4, 64) // 8
 */
export function numberOption(
  command: string,
  option: string,
  value: string | undefined,
  fallback: number,
  max: number,
): number {
  if (value === undefined) return fallback
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN
  if (number >= 1 && number <= max) return number
  throw usageError(command, `${option} takes a whole number from 1 to ${max} (got "${visible(value)}")`)
}
