import type { CallFilter, RecordedCall } from '../glossary.js'

/**
 * The calls a recording session answered from the real API. The mock recorded them with its own answer
 * (Postman's not-found 404, or the status of the example that matched), which the client never got:
 * `calls()` shows them with the real status and `via: 'recorded'`, the example (if one matched) kept.
 *
 * @example
 * const answers = new RecordedAnswers()
 * answers.note(call, realResponse.status) // the call the mock recorded for a request sent to the real API
 * answers.calls((filter) => mock.calls(filter), { status: 200 })
 */
export class RecordedAnswers {
  private readonly statuses = new WeakMap<RecordedCall, number>()

  /** Marks a recorded call as answered by the real API with `status`. */
  note(call: RecordedCall | undefined, status: number): void {
    if (call) this.statuses.set(call, status)
  }

  /** `list(filter)` (a mock's `calls()`), with the calls answered by the real API as the client saw them. */
  calls(list: (filter?: CallFilter) => RecordedCall[], filter: CallFilter = {}): RecordedCall[] {
    const { status, ...rest } = filter
    return list(rest)
      .map((call) => {
        const real = this.statuses.get(call)
        return real === undefined ? call : { ...call, status: real, via: 'recorded' as const }
      })
      .filter((call) => status === undefined || call.status === status)
  }
}
