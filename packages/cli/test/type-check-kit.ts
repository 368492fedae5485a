import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = fileURLToPath(new URL('../../../', import.meta.url))
const require = createRequire(import.meta.url)

/** The repo's TypeScript (the root devDependency), its `tsc` and its API for the completion checks. */
export const TSC = require.resolve('typescript/bin/tsc')
export const TYPESCRIPT_VERSION = (require('typescript/package.json') as { version: string }).version

/**
 * The packages a sample project sees in its `node_modules`, linked to the workspace (their built
 * `dist`), as `npm i -D @postmock/vitest …` would put them there.
 */
const LINKED: Record<string, string> = {
  '@postmock/core': 'packages/core',
  '@postmock/vitest': 'packages/vitest',
  '@postmock/jest': 'packages/jest',
  '@postmock/playwright': 'packages/playwright',
  '@playwright/test': 'packages/playwright/node_modules/@playwright/test',
  '@types/node': 'node_modules/@types/node',
}

/** One diagnostic of `tsc --pretty false`: `file(line,col): error TSxxxx: message` plus its indented lines. */
export interface Diagnostic {
  file: string
  line: number
  code: string
  message: string
}

/**
 * A fresh project folder outside the workspace, with its own `tsconfig.json` (strict, NodeNext, every
 * `.ts` file of the folder) and the workspace packages linked into `node_modules`.
 *
 * @example
 * const dir = await sampleProject({ 'a.ts': "import '@postmock/core'" })
 */
export async function sampleProject(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'postmock-types-'))
  for (const [name, target] of Object.entries(LINKED)) {
    const link = join(dir, 'node_modules', name)
    await mkdir(dirname(link), { recursive: true })
    await symlink(join(REPO, target), link, 'dir')
  }
  const tsconfig = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2023', 'DOM'],
      types: ['node'],
      skipLibCheck: true,
    },
    include: ['**/*.ts'],
  }
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2))
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n')
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true })
    await writeFile(join(dir, name), text)
  }
  return dir
}

/** Runs the repo's `tsc -p <dir> --pretty false` in a child process and parses what it reports. */
export function typeCheck(
  dir: string,
): Promise<{ code: number | null; diagnostics: Diagnostic[]; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSC, '-p', dir, '--pretty', 'false'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const diagnostics: Diagnostic[] = []
      for (const line of output.split('\n')) {
        const head = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line)
        if (head)
          diagnostics.push({ file: head[1]!, line: Number(head[2]), code: head[3]!, message: head[4]! })
        else if (line.startsWith(' ') && diagnostics.length > 0) diagnostics.at(-1)!.message += `\n${line}`
      }
      resolve({ code, diagnostics, output })
    })
  })
}

/** The diagnostics reported in one file of the project. */
export function diagnosticsOf(diagnostics: readonly Diagnostic[], file: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.file === file)
}
