import { formatMessage, type RecordedCall } from '@postmock/core'
import { type CliIo, err } from '../output/io.js'
import { visible } from '../output/visible.js'
import type { DroppedHeader } from './write-response.js'

const REMEMBERED = 1000
const SHOWN_VALUE = 60

/**
 * Says, once per example and header, that a header was left out of an answer because HTTP cannot
 * carry its value (a control character rendered into it from the request, say). The answer itself is
 * sent without it.
 *
 * @example
 * const warnings = new DroppedHeaderWarnings(io)
 * warnings.warn(dropped, exchange.call)
 */
export class DroppedHeaderWarnings {
  private readonly seen = new Set<string>()

  constructor(private readonly io: CliIo) {}

  warn(dropped: readonly DroppedHeader[], call: RecordedCall | undefined): void {
    const example = call?.example
    const of = example ? ` of "${visible(example.name)}" (${example.location})` : ''
    for (const { name, value } of dropped) {
      const key = `${example?.location ?? ''} ${name}`
      if (this.seen.has(key)) continue
      if (this.seen.size >= REMEMBERED) this.seen.clear()
      this.seen.add(key)
      const shown = visible(value.length > SHOWN_VALUE ? `${value.slice(0, SHOWN_VALUE)}…` : value)
      err(
        this.io,
        formatMessage(
          `send the header ${visible(name)}${of}`,
          `its value "${shown}" has a character HTTP cannot carry (a control character, DEL, or one above U+00FF), so the answer was sent without it`,
          'Fix the header in the example, or the request value it renders (said once per example and header)',
        ),
      )
    }
  }
}
