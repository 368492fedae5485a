import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  createPostmanMock,
  type ExampleInfo,
  isPostmockConfig,
  type PostmanEnvironment,
  type PostmockWarning,
} from '@postmock/core'
import { loadCollection, loadEnvironment, loadPostmockConfig } from '@postmock/core/node'
import { usageError } from '../cli-error.js'
import { oneFile, parseCommandLine } from '../command-line.js'
import { analyse, type ChosenBy, type Inspection } from '../inspect/analyse.js'
import { atJsonPath, bodyKey, hasJsonContentType } from '../inspect/body-key.js'
import { type Palette, palette } from '../output/colours.js'
import { type CliIo, out, plural } from '../output/io.js'
import { renderTable } from '../output/table.js'
import { INSPECT_HELP } from './help-texts.js'

const options = {
  environment: { type: 'string', short: 'e' },
  json: { type: 'boolean' },
  strict: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

const CHOSEN_BY: Record<ChosenBy, string> = {
  matching: 'matching',
  'x-mock-response-code': 'code header',
  'name-or-id': 'name/id only',
}

function printHuman(io: CliIo, colours: Palette, name: string, inspection: Inspection): void {
  const requests = new Set(
    inspection.examples.map((example) => `${example.folders.join('/')}/${example.request}`),
  )
  out(
    io,
    `${colours.bold(name)}: ${plural(requests.size, 'request')}, ${plural(inspection.examples.length, 'example')}`,
  )
  out(io, '')
  const rows = inspection.examples.map((example) => [
    [...example.folders, example.request].join(' / '),
    colours.bold(example.method),
    example.path + (example.query ? `?${example.query}` : ''),
    colours.status(example.code),
    example.name,
    example.chosenBy === 'matching' ? CHOSEN_BY.matching : colours.yellow(CHOSEN_BY[example.chosenBy]),
  ])
  for (const line of renderTable(
    ['REQUEST', 'METHOD', 'PATH', 'CODE', 'EXAMPLE', 'CHOSEN BY'],
    rows,
    colours,
  )) {
    out(io, line)
  }
  if (inspection.notes.length > 0) {
    out(io, '')
    for (const note of inspection.notes) out(io, `${colours.cyan('note')}: ${note}`)
  }
  out(io, '')
  if (inspection.warnings.length === 0) {
    out(io, colours.green('No warnings.'))
    return
  }
  out(io, colours.yellow(`${plural(inspection.warnings.length, 'warning')}:`))
  for (const warning of inspection.warnings) {
    const where = warning.paths.length > 0 ? colours.dim(` [${warning.paths.join(', ')}]`) : ''
    out(io, `${colours.yellow('warning')} ${colours.dim(warning.kind)}: ${warning.message}${where}`)
  }
}

/** The file's JSON, read once (a 40,000-example collection is not parsed twice); `undefined` when unreadable. */
async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown
  } catch {
    return undefined // loadCollection explains a missing file or bad JSON
  }
}

/** Loads one collection into core and reads its examples list. */
function inspectCollection(
  collection: unknown,
  environment: PostmanEnvironment | string | undefined,
  fallbackName: string,
): { name: string; inspection: Inspection } {
  const loadWarnings: PostmockWarning[] = []
  const mock = createPostmanMock(collection, {
    ...(environment ? { environment } : {}),
    onWarning: (warning) => loadWarnings.push(warning),
  })
  const coreWarnings = mock.warnings.length > 0 ? mock.warnings : loadWarnings
  const parsed = typeof collection === 'string' ? (JSON.parse(collection) as unknown) : collection
  const bodyOf = (example: ExampleInfo) => {
    const node = atJsonPath(parsed, example.location) as
      | { originalRequest?: { body?: unknown; header?: unknown } }
      | undefined
    const request = node?.originalRequest
    return bodyKey(request?.body, hasJsonContentType(request?.header))
  }
  const name = (parsed as { info?: { name?: string } } | undefined)?.info?.name ?? fallbackName
  return { name, inspection: analyse(mock.examples, coreWarnings, bodyOf) }
}

/** `postmock inspect`: the requests and examples of a collection, and what may surprise. */
export async function inspectCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine('inspect', argv, options)
  if (values.help) {
    out(io, INSPECT_HELP)
    return 0
  }
  const file = oneFile('inspect', positionals)
  const path = resolve(io.cwd, file)
  const colours = palette(io)
  const inspected: Array<{ id?: string; name: string; inspection: Inspection }> = []
  const json = await readJson(path)
  if (isPostmockConfig(json)) {
    if (values.environment) {
      throw usageError('inspect', 'a postmock.config.json names its own environments; drop --environment')
    }
    const config = await loadPostmockConfig(path)
    for (const mock of config.mocks) {
      inspected.push({
        id: mock.id,
        ...inspectCollection(mock.collection, mock.environment, mock.name ?? mock.id),
      })
    }
  } else {
    const collection = json === undefined ? await loadCollection(path) : json
    const environment = values.environment
      ? await loadEnvironment(resolve(io.cwd, values.environment))
      : undefined
    inspected.push(inspectCollection(collection, environment, file))
  }

  if (values.json) {
    const report = inspected.map(({ id, name, inspection }) => ({
      ...(id ? { id } : {}),
      collection: name,
      ...inspection,
    }))
    out(io, JSON.stringify(inspected[0]?.id ? { mocks: report } : report[0], null, 2))
  } else {
    inspected.forEach(({ id, name, inspection }, index) => {
      if (index > 0) out(io, '')
      printHuman(io, colours, id ? `${name} (https://${id}.mock.pstmn.io)` : name, inspection)
    })
  }
  const warnings = inspected.reduce((sum, { inspection }) => sum + inspection.warnings.length, 0)
  return values.strict && warnings > 0 ? 1 : 0
}
