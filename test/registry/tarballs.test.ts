/**
 * What the registry would get: each package's tarball (`pnpm pack`, so `workspace:*` is replaced) —
 * its files, its package.json, publint and @arethetypeswrong/cli on it, and its README as the registry
 * page shows it (links must be absolute).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT, run } from './kit/env.js'
import { PACKAGES, type Packed, packageDir, REPOSITORY, registry } from './kit/packages.js'

function packed(name: string): Packed {
  const context = registry()
  const found = context.packed.find((p) => p.name === name)
  if (!found) throw new Error(`[registry] ${name} was not packed: ${context.packError ?? 'unknown reason'}`)
  return found
}

/** A file of the tarball, as text. */
function fromTarball(tarball: string, file: string): string {
  return execFileSync('tar', ['-xzOf', tarball, `package/${file}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
}

interface Manifest {
  name: string
  version: string
  license?: string
  keywords?: string[]
  homepage?: string
  bugs?: { url?: string }
  repository?: { type?: string; url?: string; directory?: string }
  engines?: { node?: string }
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

const require = createRequire(import.meta.url)
const LICENSE = readFileSync(join(ROOT, 'LICENSE'), 'utf8')
const versions = new Map(
  PACKAGES.map(({ dir }) => {
    const pkg = JSON.parse(readFileSync(join(packageDir(dir), 'package.json'), 'utf8')) as Manifest
    return [pkg.name, pkg.version] as const
  }),
)

describe('the repository', () => {
  it('has an MIT LICENSE at its root', () => {
    expect(LICENSE).toMatch(/^MIT License\n/)
    expect(LICENSE).toContain('Permission is hereby granted, free of charge')
  })
})

for (const { name, dir } of PACKAGES) {
  describe(`${name} (packages/${dir}), as packed`, () => {
    it('holds its build, README.md, LICENSE, CHANGELOG.md and package.json, and no sources, tests or configs', () => {
      const { files } = packed(name)
      expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']))
      const unexpected = files.filter(
        (file) =>
          !/^(dist\/|bin\/)/.test(file) &&
          !['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].includes(file),
      )
      expect(unexpected).toEqual([])
      expect(files.filter((file) => /\.test\.|\/test\/|\/src\//.test(file))).toEqual([])
    })

    it("LICENSE is the repository's MIT licence, word for word", () => {
      expect(fromTarball(packed(name).tarball, 'LICENSE')).toBe(LICENSE)
    })

    it('package.json: license MIT, repository, homepage, bugs, keywords, engines.node >= 20.19', () => {
      const pkg = JSON.parse(fromTarball(packed(name).tarball, 'package.json')) as Manifest
      expect(pkg.license).toBe('MIT')
      expect(pkg.repository).toEqual({
        type: 'git',
        url: `git+${REPOSITORY}.git`,
        directory: `packages/${dir}`,
      })
      expect(pkg.homepage).toBe(`${REPOSITORY}/tree/main/packages/${dir}#readme`)
      expect(pkg.bugs?.url).toBe(`${REPOSITORY}/issues`)
      expect(pkg.keywords).toEqual(expect.arrayContaining(['postman', 'mock']))
      expect(pkg.engines?.node).toBe('>=20.19')
    })

    it('package.json: the workspace:* ranges became the real versions of the sibling packages', () => {
      const pkg = JSON.parse(fromTarball(packed(name).tarball, 'package.json')) as Manifest
      for (const [dep, range] of Object.entries({ ...pkg.dependencies, ...pkg.peerDependencies })) {
        expect(range, dep).not.toMatch(/^workspace:/)
        if (versions.has(dep)) expect(range, dep).toBe(versions.get(dep))
      }
    })

    it('publint finds nothing, suggestions included (strict)', async () => {
      const tarball = readFileSync(packed(name).tarball)
      const { messages, pkg } = await publint({
        pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
        level: 'suggestion',
        strict: true,
      })
      expect(
        messages.map((message) => `${message.type}: ${formatMessage(message, pkg, { color: false })}`),
      ).toEqual([])
    })

    // The CLI's JavaScript entry is an ES module on purpose (a command-line tool; require() of it works through
    // Node's require(esm) on the Node versions it supports), so attw's CJSResolvesToESM warning is the one rule
    // ignored for it. Every other rule, and node10 resolution, is checked for every package.
    const ignore = name === 'postmock' ? ['--ignore-rules', 'cjs-resolves-to-esm'] : []
    it(`@arethetypeswrong/cli finds no problem (node10, node16 from CJS and ESM, bundler)${ignore.length ? ', ESM-only rule aside' : ''}`, async () => {
      const attw = join(dirname(require.resolve('@arethetypeswrong/cli/package.json')), 'dist/index.js')
      const result = await run(
        process.execPath,
        [attw, packed(name).tarball, '--format', 'json', ...ignore],
        {
          cwd: ROOT,
          env: { ...process.env, NO_COLOR: '1' } as Record<string, string>,
        },
      )
      const report = JSON.parse(result.stdout) as { problems?: Record<string, unknown[]> }
      const problems = Object.entries(report.problems ?? {}).filter(
        ([kind]) => !(ignore.length && kind === 'CJSResolvesToESM'),
      )
      expect(problems).toEqual([])
    })

    it('README links are absolute (the registry page shows the README without the repository around it)', () => {
      const readme = readFileSync(join(packageDir(dir), 'README.md'), 'utf8')
      const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '')
      const relative = links.filter((link) => !/^(https?:\/\/|#|mailto:)/.test(link))
      expect(relative).toEqual([])
    })

    it('README links into the repository name files that exist in it', () => {
      const readme = readFileSync(join(packageDir(dir), 'README.md'), 'utf8')
      const paths = [
        ...readme.matchAll(
          /\]\((https:\/\/github\.com\/postmock\/postmock\/(?:blob|tree)\/main\/([^)#\s]+))/g,
        ),
      ]
      for (const [, url, path] of paths) expect(existsSync(join(ROOT, path ?? '')), url).toBe(true)
    })
  })
}

describe('@postmock/core and @faker-js/faker', () => {
  // Kept as a dependency (2.8 MiB installed): answers with {{$random…}} variables must work as on Postman
  // without a second install. What keeps its weight off users who do not need it is that it is never loaded
  // up front, in Node or in a browser bundle: only an import() when an answer first uses such a variable.
  it('is a dependency of core, and its builds load it only with a dynamic import()', () => {
    const { tarball } = packed('@postmock/core')
    const pkg = JSON.parse(fromTarball(tarball, 'package.json')) as Manifest
    expect(pkg.dependencies?.['@faker-js/faker']).toBeDefined()
    for (const file of packed('@postmock/core').files.filter((f) => /^dist\/.*\.(mjs|cjs)$/.test(f))) {
      const code = fromTarball(tarball, file)
      expect(code, file).not.toMatch(
        /^import[^;]*from ["']@faker-js\/faker[/"']|require\(["']@faker-js\/faker[/"']/m,
      )
    }
    const all = packed('@postmock/core')
      .files.filter((f) => /^dist\/.*\.(mjs)$/.test(f))
      .map((f) => fromTarball(tarball, f))
      .join('\n')
    expect(all).toMatch(/import\(["']@faker-js\/faker[/"']/)
  })
})

afterAll(() => {
  const { packed: all } = registry()
  if (!all.length) return
  const rows = all.map(
    (p) => `  ${p.name.padEnd(24)} ${(p.bytes / 1024).toFixed(1).padStart(7)} KiB  ${p.files.length} files`,
  )
  console.log(`[registry] tarballs:\n${rows.join('\n')}`)
})
