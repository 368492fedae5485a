import { relative } from 'node:path'

/** A word as a POSIX shell reads it back: bare when safe, else single-quoted. */
function shellWord(word: string): string {
  return /^[\w./@:=+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`
}

/**
 * The `postmock types` command line that writes the same file again from the local files, for the
 * generated file's header (never the `pull` line, which may carry an API key).
 *
 * @example
 * regenerateCommand('/app', ['/app/postman/testAPI.json'], undefined, '/app/postman.d.ts')
 * // 'postmock types postman/testAPI.json -o postman.d.ts'
 */
export function regenerateCommand(
  cwd: string,
  files: readonly string[],
  environment: string | undefined,
  out: string,
): string {
  const shown = (path: string) => shellWord(relative(cwd, path).split('\\').join('/') || '.')
  return [
    'postmock types',
    ...files.map(shown),
    ...(environment ? ['-e', shown(environment)] : []),
    '-o',
    shown(out),
  ].join(' ')
}
