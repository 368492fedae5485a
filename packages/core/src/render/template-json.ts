/**
 * A value read from a request's JSON body as the text a template inserts. Values nested deeper than
 * the engine's stack are written without recursion, so a body of any depth renders (the result is the
 * same as `JSON.stringify`'s for parsed JSON).
 *
 * @example
 * jsonText({ a: [1, 'b'] }) // '{"a":[1,"b"]}'
 */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? ''
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    return writeIteratively(value)
  }
}

/** One open array or object: its remaining entries, and whether one was written yet. */
interface Open {
  close: string
  entries: Array<[string | undefined, unknown]>
  next: number
}

/** `JSON.stringify` for parsed JSON (objects, arrays, strings, numbers, booleans, null) with a loop. */
function writeIteratively(root: unknown): string {
  let text = ''
  const stack: Open[] = []
  let pending: unknown = root
  let hasPending = true
  for (;;) {
    if (hasPending) {
      hasPending = false
      const value = pending
      if (Array.isArray(value)) {
        text += '['
        stack.push({ close: ']', entries: value.map((item) => [undefined, item]), next: 0 })
      } else if (value !== null && typeof value === 'object') {
        text += '{'
        const entries: Array<[string, unknown]> = []
        for (const key of Object.keys(value)) {
          const item = (value as Record<string, unknown>)[key]
          if (item !== undefined && typeof item !== 'function') entries.push([key, item])
        }
        stack.push({ close: '}', entries, next: 0 })
      } else text += JSON.stringify(value) ?? 'null'
    }
    const open = stack[stack.length - 1]
    if (!open) return text
    if (open.next >= open.entries.length) {
      text += open.close
      stack.pop()
      continue
    }
    const [key, item] = open.entries[open.next]!
    if (open.next++ > 0) text += ','
    if (key !== undefined) text += `${JSON.stringify(key)}:`
    pending = item
    hasPending = true
  }
}
