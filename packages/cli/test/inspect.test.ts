import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { TEST_API_PATH } from './fake-postman-api.js'
import { runCli } from './run-cli.js'

const SEED = fileURLToPath(TEST_API_PATH)
const COLLECTION = fileURLToPath(new URL('./fixtures/warnings.postman_collection.json', import.meta.url))
const ENVIRONMENT = fileURLToPath(new URL('./fixtures/warnings.postman_environment.json', import.meta.url))
const ANSI = /\u001b\[/

describe('postmock inspect', () => {
  it('prints a plain, tab-separated table and the warnings when piped', async () => {
    const result = await runCli(['inspect', COLLECTION, '--environment', ENVIRONMENT])
    expect(result.code).toBe(0)
    expect(result.stdout).not.toMatch(ANSI)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toBe('Inspect me: 3 requests, 6 examples')
    expect(lines).toContain('REQUEST\tMETHOD\tPATH\tCODE\tEXAMPLE\tCHOSEN BY')
    expect(lines).toContain('Users / List users\tGET\t/v1/users\t200\tOK\tmatching')
    expect(lines).toContain('Users / List users\tGET\t/v1/users\t200\tOK, empty\tname/id only')
    expect(lines).toContain('Users / List users\tGET\t/v1/users\t500\tServer error\tcode header')
    expect(lines).toContain('Users / Create user\tPOST\t/v1/users\t201\tCreated Grace\tmatching')
    expect(lines).toContain('Get order\tGET\t/v1/orders/{{orderId}}\t200\tOK\tmatching')
    expect(result.stdout).toContain('4 warnings:')
    expect(result.stdout).toContain(
      'warning unreachable: GET /v1/users: "OK, empty" (200) of List users is never chosen by matching, nor by x-mock-response-code',
    )
    expect(result.stdout).toContain('warning duplicate-name: 2 GET examples are named "OK"')
    expect(result.stdout).toContain(
      'warning unresolved-variable: GET /v1/orders/{{orderId}} (Get order): {{orderId}} is defined neither',
    )
    expect(result.stdout).toMatch(
      /warning malformed-example: .*item\[2\]\.response\[0\]\.code: expected an integer/,
    )
    expect(result.stdout).toContain(
      'note: GET /v1/users: "Server error" (500) of List users is chosen only with x-mock-response-code: 500',
    )
  })

  it('exits 1 with --strict when there are warnings, 0 when there are none', async () => {
    const strict = await runCli(['inspect', COLLECTION, '-e', ENVIRONMENT, '--strict'])
    expect(strict.code).toBe(1)
    const seed = await runCli(['inspect', SEED, '--strict'])
    expect(seed.code).toBe(0)
    expect(seed.stdout).toContain('No warnings.')
    expect(seed.stdout).toContain('Get user\tGET\t/users/1\t401\tUnauthorized\tcode header')
  })

  it('prints machine-readable JSON with --json', async () => {
    const result = await runCli(['inspect', COLLECTION, '-e', ENVIRONMENT, '--json'])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as {
      collection: string
      examples: Array<{
        name: string
        method: string
        path: string
        code: number
        chosenBy: string
        location: string
      }>
      warnings: Array<{ kind: string; paths: string[] }>
      notes: string[]
    }
    expect(report.collection).toBe('Inspect me')
    expect(report.examples.map((e) => [e.method, e.path, e.code, e.name, e.chosenBy])).toEqual([
      ['GET', '/v1/users', 200, 'OK', 'matching'],
      ['GET', '/v1/users', 200, 'OK, empty', 'name-or-id'],
      ['GET', '/v1/users', 500, 'Server error', 'x-mock-response-code'],
      ['POST', '/v1/users', 201, 'Created Ada', 'matching'],
      ['POST', '/v1/users', 201, 'Created Grace', 'matching'],
      ['GET', '/v1/orders/{{orderId}}', 200, 'OK', 'matching'],
    ])
    expect(report.warnings.map((w) => [w.kind, w.paths])).toEqual([
      ['unreachable', ['item[0].item[0].response[1]']],
      ['duplicate-name', ['item[0].item[0].response[0]', 'item[1].response[0]']],
      ['unresolved-variable', ['item[1].response[0]']],
      ['malformed-example', ['item[2].response[0].code']],
    ])
    expect(report.notes).toHaveLength(1)
  })

  it('uses colours and aligned columns on a terminal (FORCE_COLOR), and NO_COLOR wins', async () => {
    const coloured = await runCli(['inspect', SEED], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })
    expect(coloured.stdout).toMatch(ANSI)
    expect(coloured.stdout).not.toContain('\t')
    const plain = coloured.stdout.replace(/\u001b\[[0-9;]*m/g, '')
    const header = plain.split('\n').find((line) => line.startsWith('REQUEST'))!
    const row = plain.split('\n').find((line) => line.includes('Unauthorized'))!
    expect(row.indexOf('/users/1')).toBe(header.indexOf('PATH'))
    expect(row.indexOf('Unauthorized')).toBe(header.indexOf('EXAMPLE'))
    const noColour = await runCli(['inspect', SEED], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })
    expect(noColour.stdout).not.toMatch(ANSI)
  })

  it('inspects every mock of a postmock.config.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'postmock-inspect-config-'))
    try {
      await writeFile(
        join(dir, 'postmock.config.json'),
        JSON.stringify({
          mocks: [
            { id: 'seed1', name: 'seed', collection: SEED, private: false, config: {} },
            { id: 'warn1', collection: COLLECTION, environment: ENVIRONMENT, private: false, config: {} },
          ],
        }),
      )
      const human = await runCli(['inspect', 'postmock.config.json', '--strict'], { cwd: dir })
      expect(human.code).toBe(1)
      expect(human.stdout).toContain('testAPI (https://seed1.mock.pstmn.io): 1 request, 2 examples')
      expect(human.stdout).toContain('Inspect me (https://warn1.mock.pstmn.io): 3 requests, 6 examples')
      const json = await runCli(['inspect', 'postmock.config.json', '--json'], { cwd: dir })
      const report = JSON.parse(json.stdout) as {
        mocks: Array<{ id: string; collection: string; warnings: unknown[] }>
      }
      expect(report.mocks.map((m) => [m.id, m.collection, m.warnings.length])).toEqual([
        ['seed1', 'testAPI', 0],
        ['warn1', 'Inspect me', 4],
      ])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('explains unreadable input and prints help', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'postmock-inspect-'))
    try {
      await writeFile(join(dir, 'broken.json'), '{ "info": ')
      const broken = await runCli(['inspect', 'broken.json'], { cwd: dir })
      expect(broken.code).toBe(1)
      expect(broken.stderr).toMatch(/^\[postmock\] Failed to /)
      expect(broken.stderr).not.toMatch(/\n\s+at /)
      const missing = await runCli(['inspect', 'missing.json'], { cwd: dir })
      expect(missing.code).toBe(1)
      expect(missing.stderr).toMatch(/^\[postmock\] Failed to .*missing\.json/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
    const help = await runCli(['inspect', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('postmock inspect <collection.json>')
    const usage = await runCli(['inspect'])
    expect(usage.code).toBe(2)
  })
})

describe('postmock', () => {
  it('prints its help, its version, and rejects unknown commands', async () => {
    const help = await runCli(['--help'])
    expect(help.code).toBe(0)
    for (const command of ['pull', 'serve', 'inspect']) expect(help.stdout).toContain(`  ${command} `)
    const version = await runCli(['--version'])
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
    const unknown = await runCli(['serv'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('[postmock] Unknown command "serv"')
  })
})
