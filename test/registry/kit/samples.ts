/**
 * The code samples of the READMEs, exactly as written: every fenced block, its language, the file it
 * names on its first line (`// src/user.test.ts`), and what an HTML comment just above it says (invisible
 * on GitHub and on the registry page):
 *
 * - `<!-- sample: skip: <reason> -->`: not type-checked (the reason shows in the skipped test's name);
 * - `<!-- sample: prelude=<name> (…) -->`: a fragment, type-checked after a named prelude (PRELUDES);
 * - `<!-- sample: support=<name> (…) -->`: type-checked beside a named support file (SUPPORT).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './env.js'
import { PACKAGES } from './packages.js'

/** The READMEs a user reads: the repository's and each package's (the registry shows the latter). */
export const READMES = [
  { slug: 'root', file: 'README.md' },
  ...PACKAGES.map(({ dir }) => ({ slug: dir, file: `packages/${dir}/README.md` })),
] as const satisfies readonly { slug: string; file: string }[]

export type ReadmeSlug = 'root' | (typeof PACKAGES)[number]['dir']

export interface Sample {
  slug: ReadmeSlug
  /** The README, relative to the repository root. */
  readme: string
  /** 1-based line of the opening fence. */
  line: number
  lang: string
  code: string
  /** The file the sample names on its first line (`// src/user.test.ts`), if it names one. */
  path?: string
  skip?: string
  prelude?: string
  support?: string
}

const FENCE = /^(\s*)```(\S*)\s*$/
const ANNOTATION = /^\s*<!--\s*sample:\s*(.*?)\s*-->\s*$/
const NAMED_FILE = /^\/\/ ((?:[\w.-]+\/)*[\w.-]+\.(?:[cm]?[jt]sx?))(?:\s|$)/

function annotate(sample: Sample, text: string): void {
  const skip = /^skip:\s*(.+)$/.exec(text)
  if (skip?.[1]) sample.skip = skip[1]
  const prelude = /prelude=([\w-]+)/.exec(text)
  if (prelude?.[1]) sample.prelude = prelude[1]
  const support = /support=([\w-]+)/.exec(text)
  if (support?.[1]) sample.support = support[1]
}

/** Every fenced code block of one README. */
export function readSamples(slug: ReadmeSlug): Sample[] {
  const readme = READMES.find((r) => r.slug === slug)?.file ?? ''
  const lines = readFileSync(join(ROOT, readme), 'utf8').split('\n')
  const samples: Sample[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '')
    if (!open) continue
    const indent = open[1] ?? ''
    const body: string[] = []
    let j = i + 1
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j] ?? ''); j++) {
      const text = lines[j] ?? ''
      body.push(text.startsWith(indent) ? text.slice(indent.length) : text.trimStart())
    }
    const code = `${body.join('\n')}\n`
    const sample: Sample = { slug, readme, line: i + 1, lang: open[2] ?? '', code }
    const named = NAMED_FILE.exec(body[0] ?? '')
    if (named?.[1]) sample.path = named[1]
    let k = i - 1
    while (k >= 0 && (lines[k] ?? '').trim() === '') k--
    const note = ANNOTATION.exec(lines[k] ?? '')
    if (note?.[1]) annotate(sample, note[1])
    samples.push(sample)
    i = j
  }
  return samples
}

/** TypeScript samples: the ones the type-check covers. */
export function typeScriptSamples(slug: ReadmeSlug): Sample[] {
  return readSamples(slug).filter((s) => ['ts', 'tsx', 'typescript'].includes(s.lang))
}

/** The one sample of a README that names `path` on its first line. */
export function sampleNamed(slug: ReadmeSlug, path: string): Sample {
  const found = readSamples(slug).filter((s) => s.path === path)
  if (found.length !== 1)
    throw new Error(`[registry] ${slug} README: expected one sample named ${path}, found ${found.length}`)
  return found[0] as Sample
}

/** A short label for test names: `packages/vitest/README.md:20 (src/user.test.ts)`. */
export function label(sample: Sample): string {
  return `${sample.readme}:${sample.line}${sample.path ? ` (${sample.path})` : ''}`
}

/** Where a sample goes in its README's folder: the file it names, else one named after its line. */
export function samplePath(sample: Sample): string {
  if (sample.path) return sample.path
  const ext = sample.lang === 'tsx' ? 'tsx' : 'ts'
  return `samples/line-${sample.line}.${ext}`
}

/** Fragments' missing context, written as the README around them gives it. */
export const PRELUDES: Record<string, string> = {
  jest: [
    "import { test } from '@jest/globals'",
    "import { setupPostmanMocks } from '@postmock/jest'",
    "const postman = setupPostmanMocks('./testAPI.postman_collection.json')",
    '',
  ].join('\n'),
  vitest: "import { setupPostmanMocks } from '@postmock/vitest'\n",
}

/** Support files a sample's README presumes (a Vite app's `import.meta.env`). */
export const SUPPORT: Record<string, Record<string, string>> = {
  'vite-env': {
    'vite-env.d.ts': [
      '// What vite/client declares for import.meta.env (the samples are Vite app code).',
      'interface ImportMetaEnv { readonly BASE_URL: string; readonly DEV: boolean; readonly PROD: boolean }',
      'interface ImportMeta { readonly env: ImportMetaEnv }',
      '',
    ].join('\n'),
  },
}

/** The user's own code the quick starts import (`import { getUser } from './api'`). */
export const API_MODULE = [
  '// src/api.ts: the app code under test, a fetch of the API the collection describes',
  'export async function getUser(id: number): Promise<{ id: number; name: string }> {',
  "  const response = await fetch('https://api.example.com/users/' + id)",
  "  if (response.status === 401) throw new Error('unauthorized')",
  '  return (await response.json()) as { id: number; name: string }',
  '}',
  '',
].join('\n')
