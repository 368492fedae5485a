import type { Example } from '../collection/example.js'
import type { CallFilter, ExampleInfo, RecordedCall } from './types.js'

/** The calls a mock served, and which examples were ever used. */
export class CallLog {
  private entries: RecordedCall[] = []
  private readonly served = new Set<Example>()

  record(call: RecordedCall, example: Example | undefined): void {
    this.entries.push(call)
    if (example) this.served.add(example)
  }

  list(filter: CallFilter = {}): RecordedCall[] {
    return this.entries.filter(
      (call) =>
        (filter.request === undefined || call.request === filter.request) &&
        (filter.method === undefined || call.method === filter.method.toUpperCase()) &&
        (filter.status === undefined || call.status === filter.status) &&
        (filter.example === undefined || call.example?.name === filter.example),
    )
  }

  unused(examples: readonly Example[]): ExampleInfo[] {
    return examples.filter((example) => !this.served.has(example)).map((example) => example.info)
  }

  /** Forgets the calls; examples already served stay served (for `unused()` over a whole run). */
  clear(): void {
    this.entries = []
  }
}
