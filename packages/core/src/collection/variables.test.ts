import { describe, expect, test } from 'vitest'
import { createPostmanMock } from '../index.js'
import type { PostmockWarning } from '../messages.js'
import { LoadWarnings } from './load-warnings.js'
import { createVariableScope, type VariableEntry } from './variable-scope.js'
import { substitute } from './variables.js'

const schema = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'

function scopeOf(values: Record<string, string>, strict = false) {
  const warnings = new LoadWarnings(strict)
  const entries: VariableEntry[] = Object.entries(values).map(([name, value], i) => ({
    name,
    value,
    path: `variable[${i}].value`,
    code: 'INVALID_COLLECTION',
  }))
  return { scope: createVariableScope(entries, warnings), warnings: warnings.list }
}

/** postman-collection's test helper: `{{2{{1{{0}}}}}}` for n = 3. */
function polyChained(n: number): string {
  let text = ''
  for (let i = 0; i < n; i++) text = `{{${i}` + text
  return text + '}}'.repeat(n)
}

const empties = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), '']))

describe("Postman's substitution (postman-collection lib/superstring, test/unit/property.test.js)", () => {
  test('a poly-chained variable resolves 19 times', () => {
    expect(substitute(polyChained(21), scopeOf(empties(21)).scope)).toBe('{{20{{19}}}}')
  })

  test('several poly-chained variables and unknown tokens', () => {
    const { scope } = scopeOf({ ...empties(20), world: 'World', helloWorld: 'Hello World' })
    const text = `${polyChained(20)}{{ - ${polyChained(19)}}}{{hello{{world}}}} {{random}}`
    expect(substitute(text, scope)).toBe('{{19}}{{ - }}Hello World {{random}}')
  })

  test('a variable that refers to itself once stops after 19 rounds, with a warning', () => {
    const { scope, warnings } = scopeOf({ a: 'x{{a}}' })
    expect(substitute('<{{a}}>', scope)).toBe(`<${'x'.repeat(19)}{{a}}>`)
    expect(warnings.map((w) => [w.path, w.message])).toEqual([
      [
        'variable[0].value',
        '[postmock] Failed to resolve a variable: variable[0].value: {{a}} refers to itself: Postman stops after 19 rounds of substitution and leaves {{a}} in the text. The answer is what Postman renders.',
      ],
    ])
  })

  test('a chain nested deeper than 19 stops, with a warning that says so', () => {
    const chain = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`v${i}`, `{{v${i + 1}}}`]))
    const { scope, warnings } = scopeOf({ ...chain, v21: 'end' })
    expect(substitute('{{v0}}|{{v3}}', scope)).toBe('{{v19}}|end')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.path).toBe('variable[19].value')
    expect(warnings[0]!.message).toContain('{{v19}} is nested over 19 deep: Postman stops after 19 rounds')
  })
})

describe('the expansion budget', () => {
  test('"a": "{{a}}{{a}}{{a}}" is left as written, with a warning naming its JSON path', () => {
    const { scope, warnings } = scopeOf({ a: '{{a}}{{a}}{{a}}' })
    expect(substitute('x{{a}}y', scope)).toBe('x{{a}}y')
    expect(substitute('{{a}}', scope)).toBe('{{a}}')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({ code: 'INVALID_COLLECTION', path: 'variable[0].value' })
    expect(warnings[0]!.message).toMatch(
      /^\[postmock\] Failed to resolve a variable: variable\[0\]\.value: \{\{a\}\} refers to itself and would make a text over [\d,]+ characters longer \(1 Mi plus all values\) in Postman's 19 rounds of substitution\. It is left as written, as an unknown variable is\.$/,
    )
  })

  test('variables that refer to each other: the cause is left out, those that use it stay', () => {
    const { scope, warnings } = scopeOf({ c: 'c:{{b}}', b: 'b:{{a}}', a: '{{a}}{{a}}' })
    expect(substitute('{{c}}', scope)).toBe('c:b:{{a}}')
    expect(warnings.map((w) => w.path)).toEqual(['variable[2].value'])
  })

  test('mutual recursion and a "billion laughs" without recursion are both bounded', () => {
    const laughs = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`l${i}`, i ? `{{l${i - 1}}}{{l${i - 1}}}` : 'lol']),
    )
    const { scope, warnings } = scopeOf({ x: '{{y}}{{y}}', y: '{{x}}{{x}}', ...laughs })
    expect(substitute('{{x}}', scope)).toBe('{{x}}')
    const rendered = substitute('{{l29}}|{{l3}}', scope)
    expect(rendered.length).toBeLessThan(2 ** 21)
    expect(rendered.endsWith(`|${'lol'.repeat(8)}`)).toBe(true)
    expect(warnings.map((w) => w.path)).toEqual(['variable[0].value', 'variable[31].value'])
  })

  test('one text that would grow past the budget keeps its tokens, with a warning', () => {
    const { scope, warnings } = scopeOf({ big: 'x'.repeat(200_000), small: 's' })
    expect(substitute('{{small}}{{big}}', scope)).toBe(`s${'x'.repeat(200_000)}`)
    const text = `{{small}}${'{{big}}'.repeat(20)}`
    expect(substitute(text, scope)).toBe(text)
    expect(warnings.map((w) => w.path)).toEqual(['variable[0].value'])
    expect(warnings[0]!.message).toContain('That text keeps {{big}} as written')
  })

  test('strict: true still loads (a budget note is not a malformed example)', () => {
    const { scope, warnings } = scopeOf({ a: '{{a}}{{a}}' }, true)
    expect(substitute('{{a}}', scope)).toBe('{{a}}')
    expect(warnings).toHaveLength(1)
  })
})

describe('a 200-byte collection with a variable that refers to itself', () => {
  const bomb = {
    info: { name: 'b', schema },
    variable: [{ key: 'a', value: '{{a}}{{a}}{{a}}' }],
    item: [{ name: 'r', request: 'https://x.test/{{a}}', response: [{ name: 'e', body: '"{{a}}"' }] }],
  }

  test('loads in bounded time and memory, warns once, and answers', async () => {
    expect(JSON.stringify(bomb).length).toBeLessThan(260)
    const warnings: PostmockWarning[] = []
    const started = performance.now()
    const mock = createPostmanMock(bomb, { onWarning: (w) => warnings.push(w) })
    expect(performance.now() - started).toBeLessThan(2000)
    expect(warnings.map((w) => w.path)).toEqual(['variable[0].value'])
    // Left as written, {{a}} is an unresolved whole segment: a wildcard, as Postman reads one.
    expect(mock.examples[0]!.path).toBe('/{{a}}')
    const response = await mock.respond(new Request('https://m.mock.pstmn.io/zz'))
    expect(await response?.text()).toBe('"zz"')
  })

  test('the environment and the variables option are named by their own paths', () => {
    const warnings: PostmockWarning[] = []
    createPostmanMock(
      { ...bomb, variable: [], item: [{ ...bomb.item[0], response: [{ name: 'e', body: '{{e}}{{o}}' }] }] },
      {
        environment: {
          values: [
            { key: 'x', value: '1' },
            { key: 'e', value: '{{e}}{{e}}' },
          ],
        },
        variables: { o: '{{o}}{{o}}' },
        onWarning: (w) => warnings.push(w),
      },
    )
    expect(warnings.map((w) => [w.code, w.path])).toEqual([
      ['INVALID_ENVIRONMENT', 'environment.values[1].value'],
      ['INVALID_OPTION', 'variables.o'],
    ])
  })
})
