/**
 * Every user-facing message goes through here, so they all read the same way:
 * `[postmock] Failed to <verb> <object>: <reason>. <what to do>.`
 */

/** Stable codes that callers may branch on. */
export type PostmockErrorCode =
  | 'INVALID_COLLECTION'
  | 'INVALID_EXAMPLE'
  | 'INVALID_ENVIRONMENT'
  | 'INVALID_OPTION'
  | 'INVALID_CONFIG'
  | 'FILE_NOT_FOUND'
  | 'UNMATCHED_REQUEST'
  | 'UNSERVED_ORIGIN'
  | 'MISSING_RUNTIME'
  | 'INVALID_COVERAGE'

const PREFIX = '[postmock]'

/**
 * Formats one message: what failed, why, and what to do about it.
 *
 * @example
 * formatMessage('read the collection', 'item[2].request: expected an object', 'Export it again')
 * // '[postmock] Failed to read the collection: item[2].request: expected an object. Export it again.'
 */
export function formatMessage(failed: string, reason: string, todo?: string): string {
  const why = reason.replace(/[.\s]+$/, '')
  const next = todo ? ` ${todo.replace(/\s+$/, '')}${/[.!?]$/.test(todo.trim()) ? '' : '.'}` : ''
  return `${PREFIX} Failed to ${failed}: ${why}.${next}`
}

/**
 * The error postmock throws. `code` is stable; `path` names the JSON path or option at fault.
 *
 * @example
 * try { createPostmanMock('{') } catch (error) {
 *   if (error instanceof PostmockError && error.code === 'INVALID_COLLECTION') console.log(error.path)
 * }
 */
export class PostmockError extends Error {
  readonly code: PostmockErrorCode
  readonly path: string | undefined

  constructor(code: PostmockErrorCode, message: string, path?: string) {
    super(message)
    this.name = 'PostmockError'
    this.code = code
    this.path = path
  }
}

/**
 * Builds a {@link PostmockError} whose message follows the house format.
 *
 * @example
 * throw postmockError('INVALID_OPTION', 'read the options', 'option "delay": expected milliseconds', 'Pass a number', 'delay')
 */
export function postmockError(
  code: PostmockErrorCode,
  failed: string,
  reason: string,
  todo?: string,
  path?: string,
): PostmockError {
  return new PostmockError(code, formatMessage(failed, reason, todo), path)
}

/** A non-fatal problem found while loading (a skipped example, an unresolved variable…). */
export interface PostmockWarning {
  code: PostmockErrorCode
  /** JSON path inside the collection, e.g. `item[3].response[1].code`. */
  path: string
  message: string
}

/** Prints a warning the way every postmock warning is printed. */
export function printWarning(warning: PostmockWarning): void {
  console.warn(warning.message)
}
