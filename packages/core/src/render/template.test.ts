import { describe, expect, test } from 'vitest'
import { readIncoming } from '../matching/incoming.js'
import { dynamicNames, renderTemplate, type TemplateContext } from './template.js'

async function contextOf(
  body: string | undefined,
  captures: Record<string, string> = {},
  url = 'https://m.mock.pstmn.io/a/b?q=1',
): Promise<TemplateContext> {
  const request = new Request(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })
  return { incoming: await readIncoming(request, new URL(url)), captures, dynamic: () => undefined }
}

describe('template lookups read own keys only', () => {
  test('{{constructor}}, {{toString}}, {{__proto__}} are not captures: they stay as written', async () => {
    const context = await contextOf(undefined)
    expect(renderTemplate('{{constructor}}|{{toString}}|{{__proto__}}|{{hasOwnProperty}}', context)).toBe(
      '{{constructor}}|{{toString}}|{{__proto__}}|{{hasOwnProperty}}',
    )
  })

  test('a capture named __proto__ (an own key) is rendered', async () => {
    // As JSON.parse writes it: an own property named __proto__ (not the prototype).
    const captures: Record<string, string> = JSON.parse('{"__proto__":"kept","id":""}')
    const context = await contextOf(undefined, captures)
    expect(renderTemplate('{{__proto__}}|{{id}}|{{constructor}}', context)).toBe('kept||{{constructor}}')
  })

  test("{{$body '__proto__'}} and {{$body 'constructor'}} are empty unless the body has them", async () => {
    const template =
      "{{$body '__proto__'}}|{{$body 'constructor' 'none'}}|{{$body 'a.toString'}}|{{$body 'a.length'}}"
    expect(renderTemplate(template, await contextOf('{"a":[1,2]}'))).toBe('|none||2')
    expect(renderTemplate(template, await contextOf('{"__proto__":{"x":1},"constructor":"c","a":{}}'))).toBe(
      '{"x":1}|c||',
    )
  })

  test('$queryParams and $headers read the request only', async () => {
    const context = await contextOf(undefined, {}, 'https://m.mock.pstmn.io/a?__proto__=p')
    expect(
      renderTemplate(
        "{{$queryParams 'constructor' 'd'}}|{{$queryParams '__proto__'}}|{{$headers 'constructor' 'h'}}|{{$queryParams}}",
        context,
      ),
    ).toBe('d|p|h|{"__proto__":"p"}')
    // Not a name HTTP allows: no request can carry it, so the default (or nothing) is rendered.
    expect(renderTemplate("{{$headers 'bad name' 'none'}}|{{$headers 'x:y'}}", context)).toBe('none|')
  })
})

describe('deep and large request bodies', () => {
  test("{{$body 'a'}} renders a value nested 100,000 deep (no stack overflow)", async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const context = await contextOf(`{"a":${deep},"b":{"c":[1,"x",null,true,{"d":{}}]}}`)
    expect(renderTemplate("{{$body 'a'}}", context)).toBe(deep)
    expect(renderTemplate("{{$body 'b'}}", context)).toBe('{"c":[1,"x",null,true,{"d":{}}]}')
  })

  test('a default holding 300,000 dynamic variables is read without spreading them on the stack', () => {
    const text = `{{$body 'x' '${'{{$guid}}'.repeat(300_000)}'}}`
    expect(dynamicNames(text)).toHaveLength(300_000)
  })
})
