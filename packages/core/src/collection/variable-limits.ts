import { expandedLengths, MAX_PASSES, refersToItself } from './expansion-size.js'
import type { LoadWarnings } from './load-warnings.js'
import type { VariableEntry } from './variable-scope.js'
import { tokenNames } from './variable-tokens.js'

/**
 * What a substitution may add to a text beyond the variables' own total length: 1 Mi characters.
 * A variable whose nested expansion needs more is not substituted (it stays as written).
 */
export const EXPANSION_ALLOWANCE = 1 << 20

/**
 * The limits of substitution for one scope, and their warnings: each variable is warned about once,
 * naming its JSON path. Built once per load; only substitutions that reach a limit call it.
 *
 * @example
 * const values = new Map([['a', '{{a}}{{a}}']])
 * const limits = new VariableLimits(values, entries, warnings) // values no longer holds 'a'
 * limits.unresolved('a') // warns at variable[0].value
 */
export class VariableLimits {
  /** How many characters one substitution may add to a text: the allowance plus all values' length. */
  readonly budget: number
  /** Variables left out for their size: name → why. */
  readonly leftOut = new Map<string, string>()
  private readonly warned = new Set<string>()

  /** Leaves out of `values` the variables whose expansion alone passes the budget. */
  constructor(
    private readonly values: Map<string, string>,
    private readonly entries: ReadonlyMap<string, VariableEntry>,
    private readonly warnings: LoadWarnings,
  ) {
    let total = 0
    for (const value of values.values()) total += value.length
    this.budget = EXPANSION_ALLOWANCE + total
    this.leaveOutOversized()
  }

  /** Called for a token no value was substituted for: warns once when its variable was left out. */
  unresolved(name: string): void {
    const why = this.leftOut.get(name)
    if (why !== undefined) this.warn(name, why, 'It is left as written, as an unknown variable is')
  }

  /** Called when a text still changed in Postman's last round: the variables left in it are warned about. */
  passesExhausted(text: string): void {
    for (const name of new Set(this.knownTokens(text))) {
      const why = refersToItself(this.values, name) ? 'refers to itself' : `is nested over ${MAX_PASSES} deep`
      this.warn(
        name,
        `{{${name}}} ${why}: Postman stops after ${MAX_PASSES} rounds of substitution and leaves {{${name}}} in the text`,
        'The answer is what Postman renders',
      )
    }
  }

  /**
   * Called when substituting a text once more would pass the budget: the text was kept as it was. The
   * variable that would have added the most is warned about.
   */
  overBudget(text: string): void {
    let largest: string | undefined
    let most = -1
    const added = new Map<string, number>()
    for (const name of this.knownTokens(text)) {
      const growth = (added.get(name) ?? 0) + this.values.get(name)!.length - (name.length + 4)
      added.set(name, growth)
      if (growth > most) {
        most = growth
        largest = name
      }
    }
    if (largest === undefined) return
    this.warn(
      largest,
      `{{${largest}}} would make one text over ${this.budget.toLocaleString('en')} characters longer`,
      `That text keeps {{${largest}}} as written`,
    )
  }

  private warn(name: string, reason: string, todo: string): void {
    if (this.warned.has(name)) return
    this.warned.add(name)
    const entry = this.entries.get(name)!
    this.warnings.note(entry.code, 'resolve a variable', entry.path, reason, todo)
  }

  /** The names of the tokens of `text` that have a value, once per token. */
  private knownTokens(text: string): string[] {
    return tokenNames(text).filter((name) => this.values.has(name))
  }

  /**
   * Leaves out the variables whose expansion alone passes the budget: first those that refer to
   * themselves (the cause), then, if some still pass it, every one that does.
   */
  private leaveOutOversized(): void {
    let templated = false
    for (const value of this.values.values()) if (value.includes('{{')) templated = true
    if (!templated) return
    for (;;) {
      const lengths = expandedLengths(this.values, this.budget * 2)
      const oversized: string[] = []
      for (const [name, length] of lengths) if (length - (name.length + 4) > this.budget) oversized.push(name)
      if (oversized.length === 0) return
      const causes = oversized.filter((name) => refersToItself(this.values, name))
      for (const name of causes.length ? causes : oversized) {
        this.values.delete(name)
        this.leftOut.set(
          name,
          `{{${name}}} ${causes.length ? 'refers to itself and ' : ''}would make a text over ${this.budget.toLocaleString('en')} characters longer (1 Mi plus all values) in Postman's ${MAX_PASSES} rounds of substitution`,
        )
      }
      if (!causes.length) return
    }
  }
}
