import type { Example } from '../collection/example.js'
import type { CallFilter, ExampleInfo, RecordedCall } from '../glossary.js'

/** The calls a mock served (the newest `limit` of them), and which examples were ever used. */
export class CallLog {
  private entries: RecordedCall[] = []
  private readonly served = new Set<Example>()

  constructor(private readonly limit = Number.POSITIVE_INFINITY) {}

  record(call: RecordedCall, example: Example | undefined): void {
    if (this.limit > 0) {
      this.entries.push(call)
      // Trim in batches, so a bounded log costs O(1) per call on average.
      if (this.entries.length >= this.limit * 2) this.entries = this.entries.slice(-this.limit)
    }
    if (example) this.served.add(example)
  }

  list(filter: CallFilter = {}): RecordedCall[] {
    const entries = this.entries.length > this.limit ? this.entries.slice(-this.limit) : this.entries
    return entries.filter(
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
