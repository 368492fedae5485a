import { readEnvironment } from '../collection/environment.js'
import type { Example } from '../collection/example.js'
import { readCollection } from '../collection/read-collection.js'
import { optionVariables } from '../collection/variable-entries.js'
import type { DelaySetting, PostmanMockOptions } from '../glossary.js'
import { ExampleIndex } from '../matching/example-index.js'
import type { MatchSettings } from '../matching/match.js'
import type { PostmockWarning } from '../messages.js'
import { dynamicNames } from '../render/template.js'
import { type BaseUrl, parseBaseUrl } from './origins.js'
import { type CheckedOptions, checkOptions } from './settings.js'

/** One collection served on a set of origins, with its own matching settings. */
export interface Site {
  name: string
  examples: Example[]
  index: ExampleIndex
  settings: MatchSettings
  /** Serve `<id>.mock.pstmn.io` hosts: `true` for any id, or only these ids. */
  mockHosts: true | ReadonlySet<string> | false
  baseUrls: BaseUrl[]
  private: boolean
  apiKeys: ReadonlySet<string> | undefined
  delay: DelaySetting | undefined
  /** Dynamic variables used by any answer (so faker loads only when needed); found on first call. */
  dynamicNames(): ReadonlySet<string>
  warnings: PostmockWarning[]
  options: CheckedOptions
}

function usedDynamicNames(examples: readonly Example[]): Set<string> {
  const names = new Set<string>()
  for (const example of examples) {
    if (!example.response.templated) continue
    for (const name of dynamicNames(example.response.body)) names.add(name)
    for (const [, value] of example.response.headers) for (const name of dynamicNames(value)) names.add(name)
  }
  return names
}

/** Builds a site: reads the collection and environment, resolves variables, indexes the examples. */
export function buildSite(
  collection: unknown,
  options: PostmanMockOptions,
  mockHosts?: true | string[] | false,
): Site {
  const checked = checkOptions(options)
  const read = readCollection(collection, {
    // Read once the collection is known to be one, so its errors come first.
    variables: () => [
      ...(options.environment === undefined ? [] : readEnvironment(options.environment)),
      ...optionVariables(options.variables),
    ],
    strict: checked.strict,
  })
  let names: Set<string> | undefined
  const baseUrls = (options.baseUrls ?? []).map((value, i) => parseBaseUrl(value, `baseUrls[${i}]`))
  const ids = mockHosts === undefined ? checked.mockIds : mockHosts
  return {
    name: read.name,
    examples: read.examples,
    index: new ExampleIndex(read.examples),
    settings: checked.settings,
    mockHosts:
      ids === true || ids === undefined
        ? true
        : ids === false
          ? false
          : new Set(ids.map((id) => id.toLowerCase())),
    baseUrls,
    private: checked.private,
    apiKeys: checked.apiKeys ? new Set(checked.apiKeys) : undefined,
    delay: checked.delay,
    dynamicNames: () => {
      names ??= usedDynamicNames(read.examples)
      return names
    },
    warnings: read.warnings,
    options: checked,
  }
}
