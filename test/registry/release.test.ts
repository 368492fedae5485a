/**
 * The release flow (changesets): the six public packages are one `fixed` group, every pending changeset
 * is well-formed, and `changeset version`, run on a copy of the workspace's manifests, moves the six to
 * one new version, writes the changesets into each CHANGELOG.md, and leaves the private packages alone.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './kit/env.js'
import { PACKAGES, registry } from './kit/packages.js'

const require = createRequire(import.meta.url)
const PUBLIC = PACKAGES.map((p) => p.name)

interface Manifest {
  name: string
  version: string
  private?: boolean
  dependencies?: Record<string, string>
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T

/** The workspace's package folders, as pnpm-workspace.yaml lists them (`dir/*` or `dir`). */
function workspaceDirs(): string[] {
  const yaml = readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8')
  const block = yaml.split(/^packages:\n/m)[1]?.split(/^\S/m)[0] ?? ''
  const dirs: string[] = []
  for (const match of block.matchAll(/^\s+-\s+['"]?([^'"\n]+)['"]?$/gm)) {
    const pattern = match[1] ?? ''
    if (pattern.endsWith('/*')) {
      const parent = pattern.slice(0, -2)
      for (const child of readdirSync(join(ROOT, parent))) dirs.push(`${parent}/${child}`)
    } else dirs.push(pattern)
  }
  return dirs.filter((dir) => existsSync(join(ROOT, dir, 'package.json')))
}

describe('release flow (changesets)', () => {
  const config = readJson<{ fixed: string[][]; privatePackages: unknown; access: string }>(
    join(ROOT, '.changeset/config.json'),
  )

  it('.changeset/config.json versions the six public packages together (one "fixed" group), publicly', () => {
    expect(config.fixed).toHaveLength(1)
    expect([...(config.fixed[0] ?? [])].sort()).toEqual([...PUBLIC].sort())
    expect(config.access).toBe('public')
    expect(config.privatePackages).toEqual({ version: false, tag: false })
  })

  it('the public packages share one version now', () => {
    const versions = new Set(
      PACKAGES.map(({ dir }) => readJson<Manifest>(join(ROOT, 'packages', dir, 'package.json')).version),
    )
    expect([...versions]).toHaveLength(1)
  })

  it('every pending changeset names only public packages, with a bump and a description', () => {
    const files = readdirSync(join(ROOT, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md')
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const text = readFileSync(join(ROOT, '.changeset', file), 'utf8')
      const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? []
      const entries = [...front.matchAll(/^"([^"]+)":\s*(major|minor|patch)$/gm)]
      expect(entries.length, file).toBeGreaterThan(0)
      for (const [, name] of entries) expect(PUBLIC, file).toContain(name)
      expect(body.trim().length, file).toBeGreaterThan(20)
    }
  })

  it('`changeset version` on a copy of the workspace moves the six packages to one new version, with CHANGELOG entries, and no private package', () => {
    const copy = join(registry().work, 'release')
    const dirs = workspaceDirs()
    for (const file of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(ROOT, file), join(copy, file))
    cpSync(join(ROOT, '.changeset'), join(copy, '.changeset'), { recursive: true })
    for (const dir of dirs) {
      mkdirSync(join(copy, dir), { recursive: true })
      for (const file of ['package.json', 'CHANGELOG.md']) {
        if (existsSync(join(ROOT, dir, file))) cpSync(join(ROOT, dir, file), join(copy, dir, file))
      }
    }
    const before = new Map(dirs.map((dir) => [dir, readJson<Manifest>(join(copy, dir, 'package.json'))]))
    const cli = join(dirname(require.resolve('@changesets/cli/package.json')), 'bin.js')
    execFileSync(process.execPath, [cli, 'version'], { cwd: copy, stdio: ['ignore', 'pipe', 'pipe'] })

    const released = PACKAGES.map(({ dir }) =>
      readJson<Manifest>(join(copy, 'packages', dir, 'package.json')),
    )
    const newVersions = new Set(released.map((pkg) => pkg.version))
    expect([...newVersions]).toHaveLength(1)
    const [version] = [...newVersions]
    expect(version).not.toBe(before.get('packages/core')?.version)
    for (const { dir, name } of PACKAGES) {
      const changelog = readFileSync(join(copy, 'packages', dir, 'CHANGELOG.md'), 'utf8')
      expect(changelog.startsWith(`# ${name}\n\n## ${version}\n`), `${dir}/CHANGELOG.md`).toBe(true)
      const pkg = readJson<Manifest>(join(copy, 'packages', dir, 'package.json'))
      for (const [dep, range] of Object.entries(pkg.dependencies ?? {})) {
        if (PUBLIC.includes(dep as (typeof PUBLIC)[number]))
          expect(range, `${name} → ${dep}`).toBe('workspace:*')
      }
    }
    for (const [dir, pkg] of before) {
      if (pkg.private)
        expect(readJson<Manifest>(join(copy, dir, 'package.json')).version, dir).toBe(pkg.version)
    }
    expect(
      readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md'),
    ).toEqual([])
  })
})
