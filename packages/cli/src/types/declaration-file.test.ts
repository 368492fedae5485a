import { readFileSync } from 'node:fs'
import { createPostmanMock } from '@postmock/core'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { type CollectionNames, collectNames } from './collect-names.js'
import { declarationFile } from './declaration-file.js'

/** A v2.1 collection: folders of items, each item `[name, method, path, [[example, code], …]]`. */
type ItemSpec = [string, string, string, Array<[string, number]>]

function collection(name: string, folders: Record<string, ItemSpec[]>): unknown {
  return {
    info: { name, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: Object.entries(folders).map(([folder, items]) => ({
      name: folder,
      item: items.map(([request, method, path, examples]) => {
        const url = {
          raw: `https://api.example.com${path}`,
          host: ['api', 'example', 'com'],
          path: path.split('/').slice(1),
        }
        return {
          name: request,
          request: { method, url },
          response: examples.map(([example, code]) => ({
            name: example,
            originalRequest: { method, url },
            code,
            body: '',
          })),
        }
      }),
    })),
  }
}

function load(name: string, folders: Record<string, ItemSpec[]>): CollectionNames {
  const mock = createPostmanMock(collection(name, folders), { onWarning: () => {} })
  return collectNames(name, mock.examples)
}

/**
 * The register as TypeScript parses the generated file back, its `"request:…"` and `"path:…"` members
 * apart: name → example → code.
 */
function parse(text: string): Record<'requests' | 'paths', Record<string, Record<string, string>>> {
  const source = ts.createSourceFile('postman.d.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([])
  const key = (member: ts.PropertySignature) => (member.name as ts.StringLiteral | ts.Identifier).text
  const global = source.statements.find(ts.isModuleDeclaration)!
  const register = (global.body as ts.ModuleBlock).statements.find(ts.isInterfaceDeclaration)!
  const parsed = { requests: {}, paths: {} } as Record<
    'requests' | 'paths',
    Record<string, Record<string, string>>
  >
  for (const member of register.members.filter(ts.isPropertySignature)) {
    const [, kind, name] = /^(request|path):(.*)$/s.exec(key(member))!
    const examples = (member.type as ts.TypeLiteralNode).members.filter(ts.isPropertySignature)
    parsed[kind === 'request' ? 'requests' : 'paths'][name!] = Object.fromEntries(
      examples.map((example) => [key(example), example.type!.getText()]),
    )
  }
  return parsed
}

const ODD = [
  `Say "hi"`,
  `it's`,
  'back\\slash \\n not a line break',
  'two\nlines\r\nand\ttab',
  'café ünïcödé 日本語 🚀',
  'rtl \u202e override',
  'lone \ud800 surrogate',
  'line \u2028 separator',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a name that holds ${ literally
  'end */ of comment ${template} `tick`',
  '',
]

describe('declarationFile', () => {
  it('writes every name so that TypeScript reads back the same string (quotes, backslashes, unicode)', () => {
    const names = load('Odd "names" \\ ☃', {
      folder: ODD.map((name, i): ItemSpec => [name, 'GET', `/odd/${i}`, [[name, 200 + i]]]),
    })
    const text = declarationFile([names], 'postmock types odd.json')
    expect(text).toContain('\n// Odd "names" \\ ☃: 10 requests, 10 examples\n')
    const requests = parse(text).requests!
    expect(Object.keys(requests)).toEqual(ODD)
    ODD.forEach((name, i) => {
      expect(requests[name]).toEqual({ [name]: String(200 + i) })
    })
  })

  it('keeps a command with a line break inside its header comment', () => {
    const text = declarationFile([load('c', {})], 'postmock types "a\nb.json"')
    expect(text.split('\n').filter((line) => line.includes('run again'))).toEqual([
      '// Do not edit; after the collection changes, run again: postmock types "a b.json"',
    ])
    expect(parse(text)).toEqual({ requests: {}, paths: {} })
  })

  it('merges requests of the same name in different folders, with every example and code', () => {
    const names = load('Shop', {
      'v1/users': [
        [
          'Get user',
          'GET',
          '/v1/users/1',
          [
            ['OK', 200],
            ['Gone', 410],
          ],
        ],
      ],
      'v2/users': [
        [
          'Get user',
          'GET',
          '/v2/users/1',
          [
            ['OK', 201],
            ['Not found', 404],
          ],
        ],
      ],
      admin: [['Delete user', 'DELETE', '/v2/users/1', [['OK', 204]]]],
    })
    expect(parse(declarationFile([names], 'postmock types shop.json'))).toEqual({
      requests: {
        'Get user': { OK: '200 | 201', Gone: '410', 'Not found': '404' },
        'Delete user': { OK: '204' },
      },
      paths: {
        'GET /v1/users/1': { OK: '200', Gone: '410' },
        '/v1/users/1': { OK: '200', Gone: '410' },
        'GET /v2/users/1': { OK: '201', 'Not found': '404' },
        // a bare path names every method's examples there
        '/v2/users/1': { OK: '201 | 204', 'Not found': '404' },
        'DELETE /v2/users/1': { OK: '204' },
      },
    })
  })

  it('merges many collections: a name in two of them gets the examples of both, as use() applies to both', () => {
    const a = load('Orders', { f: [['List', 'GET', '/orders', [['OK', 200]]]] })
    const b = load('Orders', {
      f: [
        [
          'List',
          'GET',
          '/v2/orders',
          [
            ['Empty', 204],
            ['OK', 206],
          ],
        ],
      ],
    })
    const c = load('Users', { f: [['Get', 'GET', '/users/1', [['OK', 200]]]] })
    const text = declarationFile([a, b, c], 'postmock types a.json b.json c.json')
    expect(text).toContain(
      '\n// Orders: 1 request, 1 example\n// Orders: 1 request, 2 examples\n// Users: 1 request, 1 example\n',
    )
    expect(parse(text).requests).toEqual({ List: { OK: '200 | 206', Empty: '204' }, Get: { OK: '200' } })
    expect(Object.keys(parse(text).paths)).toEqual([
      'GET /orders',
      '/orders',
      'GET /v2/orders',
      '/v2/orders',
      'GET /users/1',
      '/users/1',
    ])
  })
})

describe('collectNames on a real collection', () => {
  const file = new URL(
    '../../../../test/fixtures/collections/box-platform.postman_collection.json',
    import.meta.url,
  )
  const mock = createPostmanMock(JSON.parse(readFileSync(file, 'utf8')), { onWarning: () => {} })
  const names = collectNames('Box Platform API', mock.examples)

  it('registers exactly the names use({ request }) accepts at run time', () => {
    expect(names.requests.size).toBe(172)
    expect(names.paths.size).toBe(281)
    for (const request of [...names.requests.keys(), ...names.paths.keys()]) {
      expect(() => mock.use({ request })(), request).not.toThrow()
    }
    expect(() => mock.use({ request: 'Restore fille' })).toThrow(/no request is named "Restore fille"/)
    expect(() => mock.use({ request: 'GET /2.0/no-such-path' })).toThrow(/no request is named/)
  })

  it("gives each request its examples' names and codes", () => {
    const restore = names.requests.get('Restore file')!
    expect([...restore.values()].map((codes) => [...codes])).toEqual([[201], [403], [404], [409]])
  })
})
