import { CLOSE_BRACE, OPEN_BRACE } from './char-codes.js'
import { MAX_PASSES } from './expansion-size.js'
import type { VariableScope } from './variable-scope.js'
import { nextToken, tokenClose } from './variable-tokens.js'

/** Longer texts (bodies) are rarely repeated; caching them would only hold memory. */
const CACHEABLE = 512

/**
 * Replaces `{{name}}` tokens with values from `scope`, repeatedly (nested variables, at most Postman's
 * 19 rounds), leaving unknown tokens verbatim, as Postman does. A round that would make the text grow by
 * more than the scope's budget is not made: the text stays as the round before left it.
 *
 * @example
 * substitute('{{baseUrl}}/users', scope) // 'https://api.example.com/users'
 */
export function substitute(text: string, scope: VariableScope): string {
  if (!text.includes('{{')) return text
  const { cache } = scope
  const cached = cache.get(text)
  if (cached !== undefined) return cached
  const result = substituteRounds(text, scope)
  if (text.length <= CACHEABLE) cache.set(text, result)
  return result
}

/** What a round answers when it would pass the budget. */
const OVER_BUDGET = Symbol('over budget')

function substituteRounds(text: string, scope: VariableScope): string {
  const limit = text.length + scope.budget
  let current = text
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = replaceKnownTokens(current, scope, limit)
    if (next === undefined) return current
    if (next === OVER_BUDGET) {
      scope.limits.overBudget(current)
      return current
    }
    current = next
    if (!current.includes('{{')) return current
  }
  scope.limits.passesExhausted(current)
  return current
}

/**
 * One round of substitution: every `{{name}}` token (a name without braces, as Postman's engine finds
 * them, left to right) whose name the scope knows is replaced by its value; the values are not read
 * again in this round. `undefined` when no token was replaced.
 */
function replaceKnownTokens(
  text: string,
  scope: VariableScope,
  limit: number,
): string | undefined | typeof OVER_BUDGET {
  let result = ''
  let copied = 0
  let length = text.length
  for (let open = nextToken(text, 0); open >= 0; ) {
    const close = tokenClose(text, open)
    const name = text.slice(open + 2, close)
    const value = scope.values.get(name)
    if (value !== undefined) {
      length += value.length - (close + 2 - open)
      if (length > limit) return OVER_BUDGET
      result += text.slice(copied, open) + value
      copied = close + 2
    } else if (scope.leftOut.size !== 0) scope.limits.unresolved(name)
    open = nextToken(text, close + 2)
  }
  return copied === 0 ? undefined : result + text.slice(copied)
}

/** The whole-segment wildcard form `{{name}}` (a name without braces); returns the name or undefined. */
export function wildcardName(segment: string): string | undefined {
  const end = segment.length - 2
  if (end < 3 || !segment.startsWith('{{') || !segment.endsWith('}}')) return undefined
  for (let i = 2; i < end; i++) {
    const code = segment.charCodeAt(i)
    if (code === OPEN_BRACE || code === CLOSE_BRACE) return undefined
  }
  return segment.slice(2, end)
}
