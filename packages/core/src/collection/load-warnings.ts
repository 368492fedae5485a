import { formatMessage, type PostmockErrorCode, type PostmockWarning, postmockError } from '../messages.js'

/**
 * The warnings of one load, in the order they were found. Under `strict`, what would be skipped throws
 * instead; notes (a recursive variable, a name read as empty) never throw.
 *
 * @example
 * const warnings = new LoadWarnings(false)
 * warnings.skipExample('item[0].response[1].code', 'expected an integer status code (100–599), got "abc"')
 * warnings.list[0]!.path // 'item[0].response[1].code'
 */
export class LoadWarnings {
  readonly list: PostmockWarning[] = []

  constructor(readonly strict: boolean) {}

  /** A malformed example, skipped as Postman skips it. */
  skipExample(path: string, reason: string): void {
    this.skip(
      'INVALID_EXAMPLE',
      'load an example',
      path,
      reason,
      'It was skipped, as Postman skips it',
      'example in Postman',
    )
  }

  /** A malformed part of the collection around the examples (a folder, a v1 list), skipped with what it holds. */
  skipPart(path: string, reason: string): void {
    this.skip(
      'INVALID_COLLECTION',
      'read the collection',
      path,
      reason,
      'It was skipped with what it holds',
      'collection',
    )
  }

  /** A problem that changes nothing but what is read (never throws, also under `strict`). */
  note(code: PostmockErrorCode, failed: string, path: string, reason: string, todo: string): void {
    this.push(code, path, formatMessage(failed, `${path}: ${reason}`, todo))
  }

  private skip(
    code: PostmockErrorCode,
    failed: string,
    path: string,
    reason: string,
    skipped: string,
    fix: string,
  ): void {
    if (this.strict)
      throw postmockError(code, failed, `${path}: ${reason}`, `Fix the ${fix} and export again`, path)
    this.note(code, failed, path, reason, skipped)
  }

  private push(code: PostmockErrorCode, path: string, message: string): void {
    this.list.push({ code, path, message })
  }
}
