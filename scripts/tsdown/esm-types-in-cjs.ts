import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * A tsdown `build:done` hook for the `.d.cts` files: their imports of ES-module-only packages (msw 3
 * ships no CommonJS) become `import type … with { "resolution-mode": "import" }`, so a CommonJS consumer
 * type-checking under `module: node16`/`nodenext` reads msw's types instead of failing with TS1479.
 * Both msw majors resolve that way (msw 2's `import` condition has types too). Consumers need
 * TypeScript >= 5.3 for the attribute. tsdown writes the `.d.cts` files outside rolldown's output
 * hooks, hence a hook on the files it wrote.
 */
export function esmTypesInCjs(packages: readonly string[]) {
  const names = packages.map((name) => name.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&')).join('|')
  // `import { A, B } from "msw";`: rolldown-plugin-dts writes declaration imports on one line.
  const declaration = new RegExp(`^import (?:type )?(\\{[^}]*\\}) from "((?:${names})(?:/[^"]*)?)";$`, 'gm')
  return async (context: { options: { outDir: string } }) => {
    const { outDir } = context.options
    for (const name of await readdir(outDir)) {
      if (!name.endsWith('.d.cts')) continue
      const file = join(outDir, name)
      const code = await readFile(file, 'utf8')
      const rewritten = code.replace(
        declaration,
        'import type $1 from "$2" with { "resolution-mode": "import" };',
      )
      if (rewritten !== code) await writeFile(file, rewritten)
    }
  }
}
