import { postmockError } from '../messages.js'
import { type ExampleReader, readExample } from './example-reader.js'
import type { LoadWarnings } from './load-warnings.js'
import type { RawItem } from './raw-types.js'
import type { SourceLocations } from './source-locations.js'
import { describeValue, nameText } from './value-text.js'

/**
 * How deep folders may nest. Real collections nest a few levels; a file nested thousands deep is
 * skipped below this depth with a warning, rather than read at a cost that grows with the square of
 * its depth (every example keeps its folders and its JSON path).
 */
export const MAX_FOLDER_DEPTH = 1000

/** One folder being walked: its items, the next one to read, and where it is. */
interface Frame {
  items: unknown[]
  next: number
  path: string
  folders: string[]
}

/**
 * Walks a v2 item tree in document order, without recursion, and hands every saved example to
 * the reader (not to a callback made per load: code optimised for one load stays valid for the
 * next). A folder that holds itself (a built object can be cyclic), or a folder met twice, is read
 * once; folders below {@link MAX_FOLDER_DEPTH} are skipped; both with a warning naming the JSON path.
 *
 * @example
 * walkItems(collection.item, { warnings, locations }, exampleReader(scope, warnings, locations))
 */
export function walkItems(
  root: unknown,
  context: { warnings: LoadWarnings; locations: SourceLocations },
  reader: ExampleReader,
): void {
  const { warnings, locations } = context
  const stack: Frame[] = [{ items: itemList(root, 'item'), next: 0, path: 'item', folders: [] }]
  const seen = new Set<object>()
  while (stack.length) {
    const frame = stack[stack.length - 1]!
    if (frame.next >= frame.items.length) {
      stack.pop()
      continue
    }
    const index = frame.next++
    const item: unknown = frame.items[index]
    const at = `${frame.path}[${index}]`
    if (!item || typeof item !== 'object') {
      warnings.skipExample(at, `expected an item object, got ${describeValue(item)}`)
      continue
    }
    const entry = item as RawItem
    const name = itemName(entry, at, context)
    if (entry.item !== undefined && entry.item !== null) {
      const items = itemList(entry.item, `${at}.item`)
      // Only folders can repeat without end (a cycle, or a folder shared at every level).
      if (seen.has(item)) {
        warnings.skipPart(
          locations.item(item, at),
          'it is a folder already read above (a cyclic or shared reference)',
        )
        continue
      }
      seen.add(item)
      if (stack.length > MAX_FOLDER_DEPTH) {
        warnings.skipPart(
          locations.item(item, at),
          `folders nest more than ${MAX_FOLDER_DEPTH.toLocaleString('en')} deep here`,
        )
        continue
      }
      stack.push({ items, next: 0, path: `${at}.item`, folders: [...frame.folders, name] })
      continue
    }
    const responses: unknown = entry.response
    if (responses !== undefined && !Array.isArray(responses)) {
      warnings.skipExample(
        `${locations.item(item, at)}.response`,
        `expected an array of examples, got ${describeValue(responses)}`,
      )
      continue
    }
    if (!responses) continue
    for (let r = 0; r < responses.length; r++) {
      readExample(reader, responses[r], {
        item: entry,
        request: name,
        folders: frame.folders,
        at: `${at}.response[${r}]`,
      })
    }
  }
}

function itemList(items: unknown, path: string): unknown[] {
  if (Array.isArray(items)) return items
  throw postmockError(
    'INVALID_COLLECTION',
    'read the collection',
    `${path}: expected an array of items, got ${describeValue(items)}`,
    'Check that the file is a Postman collection export (v1, v2.0 or v2.1)',
    path,
  )
}

/** An item's name as text; a name that is not text is read as empty, with a warning. */
function itemName(
  item: RawItem,
  at: string,
  { warnings, locations }: { warnings: LoadWarnings; locations: SourceLocations },
): string {
  const { name } = item as { name?: unknown }
  if (name === undefined || name === null) return ''
  const text = nameText(name)
  if (text !== undefined) return text
  warnings.note(
    'INVALID_COLLECTION',
    'read a name',
    `${locations.item(item, at)}.name`,
    `expected a string, got ${describeValue(name)}`,
    'It is read as empty',
  )
  return ''
}
