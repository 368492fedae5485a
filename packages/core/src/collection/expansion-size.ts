import { tokenNames } from './variable-tokens.js'

/**
 * Postman's engine substitutes a text at most this many times (nested variables), then leaves the
 * tokens still there as written (postman-collection `lib/superstring`, `VARS_SUBREPLACE_LIMIT`).
 */
export const MAX_PASSES = 19

/** A variable whose value holds tokens: its literal length and the names of its tokens. */
interface Templated {
  name: string
  literal: number
  names: string[]
}

/**
 * The length of the text `{{name}}` after {@link MAX_PASSES} rounds of substitution, for every variable,
 * computed without building any text: a token substituted in round `p` counts as its value's length
 * after round `p - 1`. Lengths above `cap` are counted as `cap + 1`.
 *
 * @example
 * expandedLengths(new Map([['a', '{{a}}{{a}}']]), 1e6).get('a') // 1000001 (it doubles each round)
 */
export function expandedLengths(values: ReadonlyMap<string, string>, cap: number): Map<string, number> {
  const templated: Templated[] = []
  for (const [name, value] of values) {
    if (!value.includes('{{')) continue
    const names = tokenNames(value)
    let literal = value.length
    for (const token of names) literal -= token.length + 4
    templated.push({ name, literal, names })
  }
  const lengths = new Map<string, number>()
  for (const [name, value] of values) lengths.set(name, value.length)
  // Round 1 put each value in place of its token; each further round expands the value's own tokens.
  let previous = new Map<string, number>()
  for (const { name } of templated) previous.set(name, name.length + 4)
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const next = new Map<string, number>()
    for (const { name, literal, names } of templated) {
      let length = literal
      for (const token of names) {
        if (!values.has(token)) length += token.length + 4
        else if (pass === 1) length += token.length + 4
        else length += previous.get(token) ?? values.get(token)!.length
      }
      next.set(name, Math.min(length, cap + 1))
    }
    previous = next
  }
  for (const [name, length] of previous) lengths.set(name, length)
  return lengths
}

/**
 * Whether a variable's value reaches its own `{{name}}` through the values it refers to.
 *
 * @example
 * refersToItself(new Map([['a', '{{b}}'], ['b', '{{a}}']]), 'a') // true
 */
export function refersToItself(values: ReadonlyMap<string, string>, name: string): boolean {
  const seen = new Set<string>()
  const pending = [name]
  while (pending.length) {
    const value = values.get(pending.pop()!)
    if (value === undefined || !value.includes('{{')) continue
    for (const token of tokenNames(value)) {
      if (token === name) return true
      if (!seen.has(token) && values.has(token)) {
        seen.add(token)
        pending.push(token)
      }
    }
  }
  return false
}
