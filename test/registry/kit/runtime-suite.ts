/**
 * Everything a user does with the packed packages on one runtime, as the READMEs say it: install them
 * into fresh npm projects, type-check every README sample, run the quick starts (Vitest, Jest on each
 * route, core on its own, the Playwright fixture and routePostmanMocks, the CLI). Called once per
 * runtime (node24-msw3.test.ts, node20-msw2.test.ts); the tests of one runtime run in order and share
 * its projects.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { APP_PAGE, APP_SERVER, freePort } from './app.js'
import {
  COLLECTION,
  type Consumer,
  copyFixtures,
  createConsumer,
  ENVIRONMENT,
  writeFiles,
} from './consumer.js'
import { ROOT, type RunResult, type Runtime, tail } from './env.js'
import { tarball } from './packages.js'
import {
  API_MODULE,
  label,
  PRELUDES,
  READMES,
  type Sample,
  SUPPORT,
  sampleNamed,
  samplePath,
  typeScriptSamples,
} from './samples.js'
import { diagnosticsUnder, STRICT, type TypeCheck, typeCheck } from './typecheck.js'

export interface RuntimeSetup {
  runtime: Runtime
  /** The msw a user of this runtime installs (3.0.5 needs Node >= 22.12; 2.15.0 otherwise). */
  msw: string
  /** Vitest 5 needs Node >= 22.12; Vitest 4 on Node 20. */
  vitest: string
}

const TOOLS = {
  jest: 'jest@30.5.2',
  jestGlobals: '@jest/globals@30.5.2',
  swcJest: '@swc/jest@0.2.39',
  swcCore: '@swc/core@1.16.22',
  jestFixedJsdom: 'jest-fixed-jsdom@0.0.11',
  jsdom: 'jsdom@26.1.0',
  typescript: 'typescript@6.0.3',
  typesNode: '@types/node@24.19.2',
  playwrightTest: '@playwright/test@1.65.1',
  playwrightCore: 'playwright-core@1.65.1',
}

/** Compiler options of the README type-check: a bundler-style project, as Vite and Vitest users have. */
const SAMPLE_OPTIONS = {
  ...STRICT,
  target: 'es2022',
  lib: ['es2023', 'dom', 'dom.iterable'],
  module: 'preserve',
  moduleResolution: 'bundler',
  resolveJsonModule: true,
  jsx: 'react-jsx',
  types: ['node'],
}

/** Lays out one README's TypeScript samples in `folder`, with the fixtures and support they presume. */
function layOutSamples(consumer: Consumer, folder: string, samples: Sample[]): void {
  const dir = join(consumer.dir, folder)
  copyFixtures(dir)
  const files: Record<string, string> = { 'src/api.ts': API_MODULE }
  for (const sample of samples) {
    if (sample.skip) continue
    const prelude = sample.prelude ? (PRELUDES[sample.prelude] ?? `unknown prelude ${sample.prelude}`) : ''
    Object.assign(files, sample.support ? SUPPORT[sample.support] : {})
    files[samplePath(sample)] = `${prelude}${sample.code}export {}\n`
  }
  writeFiles(dir, files)
}

/** TypeScript's own type stripping, for running a README's .mts sample on a Node that cannot strip types. */
function stripTypes(code: string): string {
  return ts.transpileModule(code, {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
    },
  }).outputText
}

/** Asserts a process exited 0, with its output in the failure message. */
function expectSuccess(result: RunResult): void {
  expect(result.code, tail(result)).toBe(0)
}

export function defineRuntimeSuite({ runtime: rt, msw, vitest }: RuntimeSetup): void {
  const mswMajor = Number(msw.split('.')[0])
  const title = `${rt.id} (Node ${rt.version}) + msw ${msw} + Vitest ${vitest}`

  describe(`${title}: the packages installed from their tarballs`, () => {
    let app: Consumer | undefined
    const needApp = (): Consumer => {
      if (!app) throw new Error('[registry] the project was not installed (see the first test of this file)')
      return app
    }

    it('npm installs the tarballs of core, adapter-node, vitest, jest and playwright, with msw, Vitest, Jest, @swc/jest, jest-fixed-jsdom, @playwright/test and TypeScript, into a fresh `npm init -y` project', async () => {
      app = await createConsumer('app', rt, [
        tarball('@postmock/core'),
        tarball('@postmock/adapter-node'),
        tarball('@postmock/vitest'),
        tarball('@postmock/jest'),
        tarball('@postmock/playwright'),
        `msw@${msw}`,
        `vitest@${vitest}`,
        ...Object.values(TOOLS).filter((spec) => spec !== TOOLS.playwrightCore),
      ])
      const pkg = JSON.parse(readFileSync(join(app.dir, 'package.json'), 'utf8')) as { type?: string }
      expect(pkg.type ?? 'commonjs').toBe('commonjs')
      expect(app.installed('msw')).toBe(msw)
    })

    it('every @postmock package in the lockfile comes from a packed tarball, none from the registry', () => {
      const resolved = needApp().resolved((name) => name.startsWith('@postmock/') || name === 'postmock')
      expect(Object.keys(resolved).length).toBeGreaterThanOrEqual(5)
      for (const [path, from] of Object.entries(resolved)) expect(from, path).toMatch(/^file:.*\.tgz$/)
    })

    describe(`README samples type-check with msw ${mswMajor} (TypeScript 6, strict, skipLibCheck: false)`, () => {
      let check: TypeCheck | undefined
      const samples = READMES.flatMap((readme) => typeScriptSamples(readme.slug))

      it('tsc runs over every README sample', async () => {
        const consumer = needApp()
        for (const readme of READMES) {
          layOutSamples(
            consumer,
            `readme/${readme.slug}`,
            samples.filter((s) => s.slug === readme.slug),
          )
        }
        writeFiles(consumer.dir, {
          'readme/tsconfig.json': JSON.stringify(
            { compilerOptions: SAMPLE_OPTIONS, include: ['**/*.ts', '**/*.tsx', '**/*.mts'] },
            null,
            2,
          ),
        })
        check = await typeCheck(consumer, 'readme/tsconfig.json')
        expect(check.global).toEqual([])
      })

      for (const sample of samples) {
        const name = `${label(sample)} type-checks`
        if (sample.skip) {
          it.skip(`${name} — not checked: ${sample.skip}`, () => {})
          continue
        }
        it(name, () => {
          if (!check) throw new Error('[registry] tsc did not run')
          expect(diagnosticsUnder(check, `readme/${sample.slug}/${samplePath(sample)}`)).toEqual([])
        })
      }

      it('the declaration files of the installed @postmock packages compile (skipLibCheck: false)', () => {
        if (!check) throw new Error('[registry] tsc did not run')
        expect([
          ...diagnosticsUnder(check, 'node_modules/@postmock'),
          ...diagnosticsUnder(check, 'node_modules/postmock'),
        ]).toEqual([])
      })

      it('no declaration file of any other installed package fails either (what a strict user project sees)', () => {
        if (!check) throw new Error('[registry] tsc did not run')
        expect(diagnosticsUnder(check, 'node_modules')).toEqual([])
      })
    })

    describe('every entry type-checks from CommonJS and ESM consumers (what attw cannot see: msw is not in the tarball)', () => {
      const ENTRIES = [
        '@postmock/core',
        '@postmock/core/node',
        '@postmock/adapter-node',
        '@postmock/vitest',
        '@postmock/jest',
        '@postmock/playwright',
        '@postmock/playwright/route',
      ]
      const source = ENTRIES.map((entry, i) => `import * as entry${i} from '${entry}'`)
        .concat(`export const entries = [${ENTRIES.map((_, i) => `entry${i}`).join(', ')}]`, '')
        .join('\n')
      const cases = [
        {
          name: 'module node16: a .cts file (CommonJS, where TS1479 showed) and a .mts file (ES module)',
          type: 'commonjs',
          files: ['index.cts', 'index.mts'],
          options: { module: 'node16', moduleResolution: 'node16' },
        },
        {
          name: 'moduleResolution node10 (module commonjs, no exports support)',
          type: 'commonjs',
          files: ['index.ts'],
          options: {
            module: 'commonjs',
            moduleResolution: 'node10',
            ignoreDeprecations: '6.0',
            esModuleInterop: true,
          },
        },
      ]
      for (const c of cases) {
        it(`${c.name}: every @postmock entry resolves and its declarations compile with msw ${mswMajor}`, async () => {
          const consumer = needApp()
          const folder = `resolution/${c.options.moduleResolution}`
          writeFiles(join(consumer.dir, folder), {
            'package.json': JSON.stringify({ type: c.type }),
            'tsconfig.json': JSON.stringify({
              compilerOptions: {
                ...STRICT,
                target: 'es2022',
                lib: ['es2023', 'dom'],
                types: ['node'],
                ...c.options,
              },
              files: c.files,
            }),
            ...Object.fromEntries(c.files.map((file) => [file, source])),
          })
          const check = await typeCheck(consumer, `${folder}/tsconfig.json`)
          const all = diagnosticsUnder(check, '')
          const theirs = all.filter(
            (d) => d.startsWith('node_modules/') && !/^node_modules\/(@postmock\/|postmock\/)/.test(d),
          )
          expect(all.filter((d) => !theirs.includes(d))).toEqual([])
          // msw 3's own declarations import @mswjs/interceptors/WebSocket, a subpath only `exports` resolves: under
          // node10 they fail whatever imports msw (skipLibCheck hides it). Outside postmock; anything else fails.
          const known = mswMajor >= 3 && c.options.moduleResolution === 'node10'
          const unexpected = theirs.filter(
            (d) => !(known && /^node_modules\/msw\/.*'@mswjs\/interceptors\//.test(d)),
          )
          expect(unexpected).toEqual([])
        })
      }
    })

    describe('the quick starts run as written', () => {
      /** A folder of the project with the fixtures and `src/api.ts`, plus `files`. */
      const folder = (name: string, files: Record<string, string>): string => {
        const dir = join(needApp().dir, 'runs', name)
        copyFixtures(dir)
        writeFiles(dir, { 'src/api.ts': API_MODULE, ...files })
        return dir
      }
      const bin = (name: string) => join(needApp().dir, 'node_modules/.bin', name)

      const vitestQuickStart = sampleNamed('vitest', 'src/user.test.ts').code
      it('Vitest README quick start (src/user.test.ts) passes, node environment, "type": "commonjs" project', async () => {
        const cwd = folder('vitest-node', { 'src/user.test.ts': vitestQuickStart })
        expectSuccess(await needApp().run(bin('vitest'), ['run'], { cwd }))
      })
      it('Vitest README quick start passes in the jsdom environment', async () => {
        const cwd = folder('vitest-jsdom', { 'src/user.test.ts': vitestQuickStart })
        expectSuccess(await needApp().run(bin('vitest'), ['run', '--environment', 'jsdom'], { cwd }))
      })
      it('Vitest README quick start passes in a "type": "module" package', async () => {
        const cwd = folder('vitest-esm', {
          'package.json': '{ "type": "module" }\n',
          'src/user.test.ts': vitestQuickStart,
        })
        expectSuccess(await needApp().run(bin('vitest'), ['run'], { cwd }))
      })
      it('root README quick start (user.test.ts, Vitest) passes', async () => {
        const cwd = folder('root-quick-start', { 'user.test.ts': sampleNamed('root', 'user.test.ts').code })
        expectSuccess(await needApp().run(bin('vitest'), ['run'], { cwd }))
      })

      const jestQuickStart = sampleNamed('jest', 'src/user.test.ts').code
      const routeA = sampleNamed('jest', 'jest.config.mjs').code
      const routeB = sampleNamed('jest', 'jest.config.cjs').code
      const flag = { NODE_OPTIONS: '--experimental-vm-modules' }
      it('Jest route A (README jest.config.mjs, ESM .ts tests, jest-fixed-jsdom) passes with NODE_OPTIONS=--experimental-vm-modules', async () => {
        const cwd = folder('jest-route-a', { 'jest.config.mjs': routeA, 'src/user.test.ts': jestQuickStart })
        expectSuccess(await needApp().run(bin('jest'), [], { cwd, extraEnv: flag }))
      })
      it('Jest route B (README jest.config.cjs, tests compiled to CommonJS with node_modules) passes without the flag', async () => {
        const cwd = folder('jest-route-b', { 'jest.config.cjs': routeB, 'src/user.test.ts': jestQuickStart })
        expectSuccess(await needApp().run(bin('jest'), [], { cwd }))
      })

      const cjsTest = [
        "const { expect, test } = require('@jest/globals')",
        "const { setupPostmanMocks } = require('@postmock/jest')",
        '',
        "const postman = setupPostmanMocks('./testAPI.postman_collection.json', {",
        "  environment: './testAPIEnv.postman_environment.json',",
        "  baseUrls: ['https://api.example.com'],",
        '})',
        '',
        "test('401', async () => {",
        "  postman.use({ request: 'Get user', code: 401 })",
        "  expect((await fetch('https://api.example.com/users/1')).status).toBe(401)",
        '})',
        '',
      ].join('\n')
      const cjsOnRouteA = rt.major > 24 || (rt.major === 24 && Number(rt.version.split('.')[1]) >= 9)
      if (cjsOnRouteA) {
        it("Jest route A with a CommonJS test file (require('@postmock/jest')) passes with the flag (Node >= 24.9)", async () => {
          const cwd = folder('jest-route-a-cjs', { 'jest.config.mjs': routeA, 'user.test.cjs': cjsTest })
          expectSuccess(await needApp().run(bin('jest'), [], { cwd, extraEnv: flag }))
        })
        it('Jest without --experimental-vm-modules stops with one [postmock] line naming the flag', async () => {
          const cwd = folder('jest-no-flag', {
            'jest.config.mjs': routeA,
            'src/user.test.ts': jestQuickStart,
          })
          const result = await needApp().run(bin('jest'), [], { cwd })
          expect(result.code, tail(result)).not.toBe(0)
          expect(result.output).toContain('[postmock] Failed to start the Postman mocks')
          expect(result.output).toContain(
            'Run Jest with NODE_OPTIONS=--experimental-vm-modules on Node >= 24.9',
          )
        })
      } else {
        it(`Jest with a CommonJS test file under the flag stops with one [postmock] line that does not ask for the flag it has (Node ${rt.version}: route B)`, async () => {
          const cwd = folder('jest-route-a-cjs', { 'jest.config.mjs': routeA, 'user.test.cjs': cjsTest })
          const result = await needApp().run(bin('jest'), [], { cwd, extraEnv: flag })
          expect(result.code, tail(result)).not.toBe(0)
          expect(result.output).toContain('[postmock] Failed to start the Postman mocks')
          expect(result.output).toContain('even with --experimental-vm-modules')
          expect(result.output).toContain('transformIgnorePatterns: []')
          expect(result.output).not.toContain('Run Jest with NODE_OPTIONS=--experimental-vm-modules')
        })
      }

      it('core README sample (mock.mts: setupServer, use(), explain()) runs and exits', async () => {
        const code = sampleNamed('core', 'mock.mts').code
        const cwd = folder('core', rt.major >= 24 ? { 'mock.mts': code } : { 'mock.mjs': stripTypes(code) })
        const result = await needApp().run('node', [rt.major >= 24 ? 'mock.mts' : 'mock.mjs'], { cwd })
        expectSuccess(result)
        expect(result.stdout.split('\n')[0]).toBe('401')
        expect(result.stdout).toContain('mockRequestNotFoundError')
      })
      it("core from CommonJS: require('@postmock/core') and require('@postmock/core/node')", async () => {
        const cwd = folder('core-cjs', {
          'check.cjs': [
            "const { createPostmanMock } = require('@postmock/core')",
            "const { loadCollection } = require('@postmock/core/node')",
            `loadCollection('./${COLLECTION}').then(async (collection) => {`,
            "  const mock = createPostmanMock(collection, { baseUrls: ['https://api.example.com'] })",
            '  mock.use({ code: 401 })',
            "  console.log((await mock.respond(new Request('https://abc.mock.pstmn.io/users/1'))).status)",
            '})',
            '',
          ].join('\n'),
        })
        const result = await needApp().run('node', ['check.cjs'], { cwd })
        expectSuccess(result)
        expect(result.stdout.trim()).toBe('401')
      })

      it('Playwright README fixture (tests/test.ts + tests/account.spec.ts) passes with @playwright/test and the system Chromium', async () => {
        const port = await freePort()
        const cwd = folder('playwright', {
          'tests/test.ts': sampleNamed('playwright', 'tests/test.ts').code,
          'tests/account.spec.ts': sampleNamed('playwright', 'tests/account.spec.ts').code,
          'app/serve.mjs': APP_SERVER,
          'app/index.html': APP_PAGE,
          // The README's config sample (systemChromium) plus what any real config has: the app server.
          'playwright.config.ts': [
            "import { defineConfig } from '@playwright/test'",
            "import { systemChromium } from '@postmock/playwright'",
            '',
            'export default defineConfig({',
            "  testDir: 'tests',",
            '  workers: 1,',
            "  reporter: 'line',",
            `  use: { baseURL: 'http://127.0.0.1:${port}', browserName: 'chromium', launchOptions: systemChromium() },`,
            `  webServer: { command: 'node app/serve.mjs', url: 'http://127.0.0.1:${port}/', env: { PORT: '${port}' } },`,
            '})',
            '',
          ].join('\n'),
        })
        const result = await needApp().run(bin('playwright'), ['test'], { cwd, timeoutMs: 120_000 })
        expectSuccess(result)
        expect(result.output).toMatch(/1 passed/)
      })
    })
  })

  describe(`${title}: @postmock/playwright/route with playwright-core alone (no @playwright/test)`, () => {
    let project: Consumer | undefined
    const routeSample = sampleNamed('playwright', 'route.mts')

    it('npm installs core and playwright from their tarballs with msw and playwright-core only', async () => {
      project = await createConsumer('playwright-core', rt, [
        tarball('@postmock/core'),
        tarball('@postmock/playwright'),
        `msw@${msw}`,
        TOOLS.playwrightCore,
        TOOLS.typescript,
        TOOLS.typesNode,
      ])
      expect(existsSync(join(project.dir, 'node_modules/@playwright/test'))).toBe(false)
    })

    const routeCheck = `the README's routePostmanMocks sample (${label(routeSample)}) type-checks without @playwright/test (skipLibCheck: false)`
    if (mswMajor < 3) {
      // One tsc pass (~10 s of CPU) is enough: no declaration needing @playwright/test is not a runtime matter.
      it.skip(`${routeCheck} — checked in the msw 3 run`, () => {})
    } else {
      it(routeCheck, async () => {
        if (!project) throw new Error('[registry] the project was not installed')
        copyFixtures(project.dir)
        writeFiles(project.dir, {
          'route.mts': routeSample.code,
          'tsconfig.json': JSON.stringify({ compilerOptions: SAMPLE_OPTIONS, files: ['route.mts'] }),
        })
        const check = await typeCheck(project, 'tsconfig.json')
        expect(diagnosticsUnder(check, '')).toEqual([])
      })
    }

    it('the routePostmanMocks sample runs against a page in the system Chromium (its app URL pointed at a free port)', async () => {
      if (!project) throw new Error('[registry] the project was not installed')
      const port = await freePort()
      copyFixtures(project.dir)
      writeFiles(project.dir, { 'app/serve.mjs': APP_SERVER, 'app/index.html': APP_PAGE })
      const code = routeSample.code.replace('http://127.0.0.1:3000/', `http://127.0.0.1:${port}/`)
      expect(code, 'the sample navigates to http://127.0.0.1:3000/').not.toBe(routeSample.code)
      writeFileSync(
        join(project.dir, rt.major >= 24 ? 'route.mts' : 'route.mjs'),
        rt.major >= 24 ? code : stripTypes(code),
      )
      const server = project.start('node', ['app/serve.mjs'], { extraEnv: { PORT: String(port) } })
      try {
        await waitForHttp(`http://127.0.0.1:${port}/`)
        const result = await project.run('node', [rt.major >= 24 ? 'route.mts' : 'route.mjs'], {
          timeoutMs: 60_000,
        })
        expectSuccess(result)
        expect(result.stdout).toContain('GET https://api.example.com/users/1 → 401 Unauthorized')
      } finally {
        await server.stop()
      }
    })
  })

  describe(`${title}: the CLI installed from its tarball`, () => {
    let cli: Consumer | undefined
    const need = (): Consumer => {
      if (!cli) throw new Error('[registry] the CLI was not installed')
      return cli
    }
    const postmock = () => join(need().dir, 'node_modules/.bin/postmock')

    it(`npm install --engine-strict of postmock and @postmock/core passes on Node ${rt.version}, and picks msw ${mswMajor}`, async () => {
      cli = await createConsumer('cli', rt, [tarball('@postmock/core'), tarball('postmock')], {
        engineStrict: true,
      })
      expect(cli.installed('msw').split('.')[0]).toBe(String(mswMajor))
    })

    it('postmock --version prints the packed version', async () => {
      const result = await need().run(postmock(), ['--version'])
      expectSuccess(result)
      const version = (
        JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string }
      ).version
      expect(result.stdout.trim()).toBe(version)
    })

    it("postmock inspect prints the README's table for the seed collection (plain, tab-separated, when piped)", async () => {
      copyFixtures(need().dir)
      const result = await need().run(postmock(), ['inspect', COLLECTION])
      expectSuccess(result)
      const transcript = readmeTranscript()
      const printed = result.stdout.split('\n').map((line) => line.trimEnd())
      for (const line of transcript) {
        if (line.endsWith('(…)')) expect(printed.some((p) => p.startsWith(line.slice(0, -3)))).toBe(true)
        else expect(printed).toContain(line)
      }
    })

    it('postmock serve answers the README calls: 200, 401 with x-mock-response-code, 404 for an unknown path', async () => {
      copyFixtures(need().dir)
      const server = need().start(postmock(), [
        'serve',
        COLLECTION,
        '--environment',
        ENVIRONMENT,
        '--port',
        '0',
      ])
      try {
        const [, base] = await server.waitFor(/Serving on (http:\/\/\S+)/)
        expect((await fetch(`${base}/users/1`)).status).toBe(200)
        expect((await fetch(`${base}/users/1`, { headers: { 'x-mock-response-code': '401' } })).status).toBe(
          401,
        )
        expect((await fetch(`${base}/nothing`)).status).toBe(404)
      } finally {
        await server.stop()
      }
      const result = { stdout: server.output() }
      expect(result.stdout).toContain('GET /users/1')
    })

    it('postmock inspect … | head -n 1 prints one line and ends quietly (no EPIPE), exit status 0', async () => {
      const big = join(ROOT, 'test/fixtures/collections/adyen-management-v3.postman_collection.json')
      const result = await need().run('bash', [
        '-c',
        'set -o pipefail; "$0" inspect "$1" | head -n 1',
        postmock(),
        big,
      ])
      expect(result.stderr).not.toMatch(/EPIPE|Unhandled 'error' event/)
      expect(result.code, tail(result)).toBe(0)
      expect(result.stdout.trim().split('\n')).toHaveLength(1)
    })
  })
}

/** The rows of the CLI README's `$ postmock inspect testAPI…` transcript, tab-separated as when piped. */
function readmeTranscript(): string[] {
  const block = readFileSync(join(ROOT, 'packages/cli/README.md'), 'utf8')
    .split('```')
    .find((part) => part.includes('$ postmock inspect testAPI.postman_collection.json'))
  if (!block) throw new Error('[registry] the CLI README has no `$ postmock inspect testAPI…` transcript')
  return block
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trimEnd().split(/ {2,}/).join('\t'))
}

/** Waits until `url` answers (a server just started). */
async function waitForHttp(url: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    try {
      await fetch(url)
      return
    } catch (error) {
      if (Date.now() > until) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}
