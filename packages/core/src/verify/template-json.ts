/**
 * Parses an example's JSON body. A body that is JSON only once its `{{…}}` tokens are rendered
 * (`{"id": {{$randomInt}}}`) is read with each token outside a string as `null`, which goes with any
 * type; tokens inside strings stay strings. `undefined` when the body is not JSON either way.
 *
 * @example
 * parseExampleJson('{"id": {{$randomInt}}, "name": "{{$randomFirstName}}"}') // { id: null, name: '{{$randomFirstName}}' }
 */
export function parseExampleJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    if (!body.includes('{{')) return undefined
  }
  try {
    return JSON.parse(tokensAsNull(body))
  } catch {
    return undefined
  }
}

/** Replaces each `{{…}}` outside a JSON string with `null`. */
function tokensAsNull(body: string): string {
  let out = ''
  let inString = false
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!
    if (inString) {
      out += char
      if (char === '\\') out += body[++i] ?? ''
      else if (char === '"') inString = false
      continue
    }
    if (char === '"') inString = true
    if (char === '{' && body[i + 1] === '{') {
      const end = body.indexOf('}}', i + 2)
      if (end >= 0) {
        out += 'null'
        i = end + 1
        continue
      }
    }
    out += char
  }
  return out
}
