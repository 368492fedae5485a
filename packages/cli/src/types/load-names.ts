import { basename } from 'node:path'
import { createPostmanMock, isPostmockConfig, type PostmockWarning } from '@postmock/core'
import { loadEnvironment, loadSource } from '@postmock/core/node'
import { type CollectionNames, collectNames } from './collect-names.js'

/** What `postmock types` reads: collection files and `postmock.config.json` files, and an environment. */
export interface NameSources {
  /** Absolute paths of collections or configs. */
  files: readonly string[]
  /** An environment export applied to every bare collection (a config names its own). */
  environment?: string
}

function collectionName(collection: unknown, fallback: string): string {
  const name = (collection as { info?: { name?: unknown } } | null)?.info?.name
  return typeof name === 'string' && name ? name : fallback
}

/**
 * Loads each source with core, as the adapters do (a config's mocks with their own environments and
 * settings, `{{variables}}` resolved), and collects the names its examples carry. Load warnings go to
 * `onWarning`: a skipped example is not served, so it is not registered either.
 *
 * @example
 * const names = await loadNames({ files: ['/app/testAPI.postman_collection.json'] }, console.warn)
 */
export async function loadNames(
  sources: NameSources,
  onWarning: (warning: PostmockWarning) => void,
): Promise<CollectionNames[]> {
  const environment = await loadEnvironment(sources.environment)
  const names: CollectionNames[] = []
  for (const file of sources.files) {
    const source = await loadSource(file)
    if (isPostmockConfig(source)) {
      for (const mock of source.mocks) {
        const examples = createPostmanMock({ mocks: [mock] }, { onWarning }).examples
        const label = `${mock.name ?? collectionName(mock.collection, mock.id)} (${mock.id})`
        names.push(collectNames(label, examples))
      }
    } else {
      const examples = createPostmanMock(source, {
        ...(environment ? { environment } : {}),
        onWarning,
      }).examples
      names.push(collectNames(collectionName(source, basename(file)), examples))
    }
  }
  return names
}
