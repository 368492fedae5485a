import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { CollectionNames } from './collect-names.js'
import { declarationFile } from './declaration-file.js'

/** What a written declaration file holds, for the line the command prints. */
export interface DeclarationSummary {
  collections: number
  requests: number
  paths: number
  examples: number
}

/**
 * Writes the declaration file for these collections to `path` (creating its folder) and counts what
 * it registered. `command` is the command line that regenerates it.
 *
 * @example
 * const summary = await writeDeclarations('/app/postman.d.ts', names, 'postmock types testAPI.json')
 */
export async function writeDeclarations(
  path: string,
  names: readonly CollectionNames[],
  command: string,
): Promise<DeclarationSummary> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, declarationFile(names, command))
  const count = (pick: (collection: CollectionNames) => number) =>
    names.reduce((sum, collection) => sum + pick(collection), 0)
  return {
    collections: names.length,
    requests: count((collection) => collection.requests.size),
    paths: count((collection) => collection.paths.size),
    examples: count((collection) => collection.examples),
  }
}
