import type { Faker, LocaleDefinition, Randomizer } from '@faker-js/faker'
import { postmockError } from '../messages.js'
import {
  FAKER_GENERATORS,
  type FakerGenerator,
  PLAIN_GENERATORS,
  type PlainEnvironment,
  type PlainGenerator,
} from './dynamic-variable-table.js'
import type { RandomSource } from './random.js'

export { DYNAMIC_VARIABLE_NAMES } from './dynamic-variable-names.js'

const plainGenerators: ReadonlyMap<string, PlainGenerator> = new Map(Object.entries(PLAIN_GENERATORS))
const fakerGenerators: ReadonlyMap<string, FakerGenerator> = new Map(Object.entries(FAKER_GENERATORS))

/**
 * Whether `name` (with its `$`) is one of Postman's dynamic variables.
 *
 * @example
 * isDynamicVariable('$guid') // true
 * isDynamicVariable('guid') // false
 */
export function isDynamicVariable(name: string): boolean {
  return plainGenerators.has(name) || fakerGenerators.has(name)
}

/**
 * Whether generating `name` needs faker (which is then loaded on first use).
 *
 * @example
 * needsFaker('$randomInt') // false
 * needsFaker('$randomEmail') // true
 */
export function needsFaker(name: string): boolean {
  return fakerGenerators.has(name)
}

/** Where dynamic values come from. */
export interface DynamicVariableContext {
  /** Every value, faker's included, is drawn from this source; a seeded one makes them repeatable. */
  random: RandomSource
  /** The seed `random` was created with (undefined when unseeded); informational. */
  seed: number | undefined
  /**
   * The clock for `$timestamp`, `$isoTimestamp` and the `$randomDate*` variables, in epoch
   * milliseconds. Defaults to `Date.now`; pass a fixed clock to make those repeatable as well.
   */
  now?: () => number
}

/** `Faker` itself, reached through the instance so that only the en locale gets loaded. */
type FakerClass = new (options: { locale: LocaleDefinition; randomizer: Randomizer }) => Faker

let fakerPromise: Promise<Faker> | undefined
let fakerTemplate: Faker | undefined
const fakersBySource = new WeakMap<RandomSource, Faker>()

/**
 * Whether faker has been loaded in this process (for tests and diagnostics).
 *
 * @example
 * await prepareDynamicVariables(['$guid'], { random: createRandom(1), seed: 1 })
 * fakerLoaded() // still false unless a faker-backed name was prepared earlier
 */
export function fakerLoaded(): boolean {
  return fakerTemplate !== undefined
}

function loadFaker(): Promise<Faker> {
  fakerPromise ??= import('@faker-js/faker/locale/en').then(
    (module) => {
      fakerTemplate = module.faker
      return module.faker
    },
    (error: unknown) => {
      fakerPromise = undefined
      throw postmockError(
        'MISSING_RUNTIME',
        'load @faker-js/faker for dynamic variables',
        error instanceof Error ? error.message : String(error),
        'Install @faker-js/faker next to @postmock/core, or avoid faker-backed {{$random…}} variables',
      )
    },
  )
  return fakerPromise
}

/** One faker instance per random source, drawing all its randomness from that source. */
function fakerFor(template: Faker, random: RandomSource): Faker {
  let instance = fakersBySource.get(random)
  if (!instance) {
    const FakerConstructor = template.constructor as FakerClass
    instance = new FakerConstructor({
      locale: template.rawDefinitions,
      randomizer: {
        next: () => random.next(),
        seed: () => {
          // The random source is seeded once, by whoever created it; faker never reseeds it.
        },
      },
    })
    fakersBySource.set(random, instance)
  }
  return instance
}

/**
 * Prepares generators for the dynamic variables a template uses. Faker is imported (once per process)
 * only when one of `names` needs it. The returned function is synchronous and gives a fresh value per
 * call, or `undefined` for a name that is not a dynamic variable. With a seeded `random` (and a fixed
 * `now` for the time-based ones) the same sequence of calls gives the same values.
 *
 * @example
 * const random = createRandom(42)
 * const generate = await prepareDynamicVariables(['$randomInt', '$randomEmail'], { random, seed: 42 })
 * generate('$randomInt') // e.g. '614'
 * generate('$randomEmail') // e.g. 'Kristi.Schuppe@hotmail.com'
 * generate('$notAVariable') // undefined
 */
export async function prepareDynamicVariables(
  names: Iterable<string>,
  context: DynamicVariableContext,
): Promise<(name: string) => string | undefined> {
  const { random } = context
  const now = context.now ?? Date.now
  let faker: Faker | undefined
  for (const name of names) {
    if (fakerGenerators.has(name)) {
      faker = fakerFor(await loadFaker(), random)
      break
    }
  }
  const env: PlainEnvironment = { random, now }
  const refDate = () => new Date(now())
  return (name: string): string | undefined => {
    const plain = plainGenerators.get(name)
    if (plain) return plain(env)
    const generate = fakerGenerators.get(name)
    if (!generate) return undefined
    if (!faker) {
      if (!fakerTemplate) {
        throw postmockError(
          'MISSING_RUNTIME',
          `render the dynamic variable ${name}`,
          'it needs faker, which was not loaded for it',
          'List every name when calling prepareDynamicVariables()',
        )
      }
      faker = fakerFor(fakerTemplate, random)
    }
    // The faker instance is shared by every context on this random source; the clock is this context's.
    faker.setDefaultRefDate(refDate)
    return generate(faker)
  }
}
