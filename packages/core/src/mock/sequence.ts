import type { DelaySetting, Fault, MockOverride, SequenceStep } from '../glossary.js'

/** What an override decides for one call, beside which example answers: how the answer is delivered. */
export interface Delivery {
  fault: Fault | undefined
  /** With `fault: 'timeout'`: when it gives up with a network error. */
  after: number | undefined
  delay: DelaySetting | undefined
  /** The index of the sequence step that answers, or `undefined` without a sequence. */
  step: number | undefined
}

/** One step of a sequence (or the override itself, which is a sequence of one step repeating). */
export interface Turn {
  answer: SequenceStep
  delivery: Delivery
}

/**
 * The turn a call gets from an override that `served` calls reached before: the override's own answer,
 * or the next step of its sequence; after the last step, the last one again (`then: 'repeat'`), or
 * `undefined` with `then: 'collection'` (the override steps aside).
 *
 * @example
 * turnOf({ sequence: [{ code: 503 }, { code: 200 }] }, 5) // the { code: 200 } step, index 1
 */
export function turnOf(override: MockOverride, served: number): Turn | undefined {
  const { sequence } = override
  if (!sequence) {
    const { fault, after, delay } = override
    return { answer: override, delivery: { fault, after, delay, step: undefined } }
  }
  const last = sequence.length - 1
  if (served > last && override.then === 'collection') return undefined
  const index = Math.min(served, last)
  const answer = sequence[index]!
  return { answer, delivery: { fault: answer.fault, after: answer.after, delay: answer.delay, step: index } }
}

/** Whether a `once` override is used up after `served` calls: one call, or a whole sequence. */
export function isSpent(override: MockOverride, served: number): boolean {
  return override.once === true && served >= (override.sequence?.length ?? 1)
}
