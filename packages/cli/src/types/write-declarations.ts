import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { CollectionNames } from './collect-names.js'
import { declarationFile } from './declaration-file.js'

/** What a written declaration file holds (distinct names over all collections), for the line the command prints. */
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
  const distinct = (pick: 'requests' | 'paths') =>
    new Set(names.flatMap((collection) => [...collection[pick].keys()])).size
  return {
    collections: names.length,
    requests: distinct('requests'),
    paths: distinct('paths'),
    examples: names.reduce((sum, collection) => sum + collection.examples, 0),
  }
}
