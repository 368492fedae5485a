import { describe, expect, it, vi } from 'vitest'
import { PostmockError } from '../messages.js'
import {
  DYNAMIC_VARIABLE_NAMES,
  type DynamicVariableContext,
  isDynamicVariable,
  needsFaker,
  prepareDynamicVariables,
} from './dynamic-variables.js'
import { createRandom } from './random.js'

type Module = typeof import('./dynamic-variables.js')

/** The list in postman-collection 5.2.1 (spec §6), in Postman's order. */
const POSTMAN_NAMES =
  `$guid $timestamp $isoTimestamp $randomInt $randomPhoneNumber $randomPhoneNumberExt $randomLocale
$randomWords $randomFilePath $randomDirectoryPath $randomCity $randomStreetName $randomStreetAddress $randomCountry
$randomCountryCode $randomLatitude $randomLongitude $randomColor $randomDepartment $randomProductName
$randomProductAdjective $randomProductMaterial $randomProduct $randomCompanyName $randomCompanySuffix
$randomCatchPhrase $randomBs $randomCatchPhraseAdjective $randomCatchPhraseDescriptor $randomCatchPhraseNoun
$randomBsAdjective $randomBsBuzz $randomBsNoun $randomDatabaseColumn $randomDatabaseType $randomDatabaseCollation
$randomDatabaseEngine $randomDatePast $randomDateFuture $randomDateRecent $randomMonth $randomWeekday
$randomBankAccount $randomBankAccountName $randomCreditCardMask $randomPrice $randomTransactionType
$randomCurrencyCode $randomCurrencyName $randomCurrencySymbol $randomBitcoin $randomBankAccountIban
$randomBankAccountBic $randomAbbreviation $randomAdjective $randomNoun $randomVerb $randomIngverb $randomPhrase
$randomAvatarImage $randomImageUrl $randomAbstractImage $randomAnimalsImage $randomBusinessImage $randomCatsImage
$randomCityImage $randomFoodImage $randomNightlifeImage $randomFashionImage $randomPeopleImage $randomNatureImage
$randomSportsImage $randomTransportImage $randomImageDataUri $randomEmail $randomExampleEmail $randomUserName
$randomProtocol $randomUrl $randomDomainName $randomDomainSuffix $randomDomainWord $randomIP $randomIPV6
$randomUserAgent $randomHexColor $randomMACAddress $randomPassword $randomLoremWord $randomLoremWords
$randomLoremSentence $randomLoremSlug $randomLoremSentences $randomLoremParagraph $randomLoremParagraphs
$randomLoremText $randomLoremLines $randomFirstName $randomLastName $randomFullName $randomJobTitle
$randomNamePrefix $randomNameSuffix $randomJobDescriptor $randomJobArea $randomJobType $randomUUID $randomBoolean
$randomWord $randomAlphaNumeric $randomFileName $randomCommonFileName $randomMimeType $randomCommonFileType
$randomCommonFileExt $randomFileType $randomFileExt $randomSemver`.split(/\s+/)

/** Postman's own (non-faker) generators: these must never load faker. */
const CUSTOM = [
  '$guid',
  '$timestamp',
  '$isoTimestamp',
  '$randomInt',
  '$randomPhoneNumber',
  '$randomPhoneNumberExt',
  '$randomLocale',
  '$randomWords',
  '$randomFilePath',
  '$randomDirectoryPath',
  '$randomAvatarImage',
]

const NOW = Date.UTC(2026, 0, 15, 12, 30, 45, 678)
const DAY = 86_400_000
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const PHONE = /^[2-9]\d\d-[2-9]\d\d-\d{4}$/
const HTTPS_URL = /^https:\/\/[\w.-]+\/\S*$/
const WORDISH = /^[\p{L}\p{N}][\p{L}\p{N}\s'’&.,/()+_!?-]*$/u
const MONTHS = 'January February March April May June July August September October November December'
const WEEKDAYS = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'

const inRange = (min: number, max: number) => (value: string) => Number(value) >= min && Number(value) <= max
const dateBetween = (from: number, to: number) => (value: string) => {
  const time = Date.parse(value)
  return time >= from && time <= to
}
const ipv4 = (value: string) =>
  /^(\d{1,3}\.){3}\d{1,3}$/.test(value) && value.split('.').every((part) => Number(part) <= 255)
const validUrl = (value: string) => URL.canParse(value)

/** Shape of each value: a regex, or a predicate, or both. Names not listed must be non-empty words. */
const SHAPES: Record<string, Array<RegExp | ((value: string) => boolean)>> = {
  $guid: [UUID_V4],
  $randomUUID: [UUID_V4],
  $timestamp: [/^\d{10}$/, (value) => value === String(Math.round(NOW / 1000))],
  $isoTimestamp: [(value) => value === new Date(NOW).toISOString()],
  $randomInt: [/^\d{1,4}$/, inRange(0, 1000)],
  $randomPhoneNumber: [PHONE],
  $randomPhoneNumberExt: [/^[1-9]\d?-[2-9]\d\d-[2-9]\d\d-\d{4}$/],
  $randomLocale: [/^[a-z]{2,3}$/],
  $randomWords: [/^[a-z]+( [a-z]+){1,4}$/],
  $randomDirectoryPath: [/^(\/[\w+]+)+$/],
  $randomFilePath: [/^(\/[\w+]+)+\/\w+\.\w+$/],
  $randomLatitude: [/^-?\d{1,2}\.\d{4}$/, inRange(-90, 90)],
  $randomLongitude: [/^-?\d{1,3}\.\d{4}$/, inRange(-180, 180)],
  $randomCountryCode: [/^[A-Z]{2}$/],
  $randomCompanySuffix: [/^(Inc|and Sons|LLC|Group)$/],
  $randomDatePast: [dateBetween(NOW - 366 * DAY, NOW)],
  $randomDateFuture: [dateBetween(NOW, NOW + 366 * DAY)],
  $randomDateRecent: [dateBetween(NOW - 2 * DAY, NOW)],
  $randomMonth: [(value) => MONTHS.split(' ').includes(value)],
  $randomWeekday: [(value) => WEEKDAYS.split(' ').includes(value)],
  $randomBankAccount: [/^\d{8}$/],
  $randomCreditCardMask: [/^\d{4}$/],
  $randomPrice: [/^\d{1,4}\.\d{2}$/, inRange(0, 1000)],
  $randomCurrencyCode: [/^[A-Z]{3}$/],
  $randomCurrencySymbol: [/^\S{1,5}$/],
  $randomBitcoin: [/^(1|3|bc1)[a-zA-HJ-NP-Z0-9]{25,62}$/],
  $randomBankAccountIban: [/^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/],
  $randomBankAccountBic: [/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/],
  $randomAbbreviation: [/^[A-Z0-9]{2,5}$/],
  $randomAvatarImage: [
    /^https:\/\/(cloudflare-ipfs\.com\/ipfs\/\w+\/avatar\/\d{1,4}\.jpg|avatars\.githubusercontent\.com\/u\/\d+)$/,
  ],
  $randomImageUrl: [HTTPS_URL, validUrl],
  $randomImageDataUri: [/^data:image\/svg\+xml;charset=UTF-8,%3Csvg/],
  $randomEmail: [/^[^@\s]+@[\w-]+(\.[\w-]+)+$/],
  $randomExampleEmail: [/^[^@\s]+@example\.(com|net|org)$/],
  $randomUserName: [/^\S+$/],
  $randomProtocol: [/^https?$/],
  $randomUrl: [/^https?:\/\/\S+$/, validUrl],
  $randomDomainName: [/^[a-z0-9-]+(\.[a-z0-9-]+)+$/],
  $randomDomainSuffix: [/^[a-z]{2,}$/],
  $randomDomainWord: [/^[a-z0-9-]+$/],
  $randomIP: [ipv4],
  $randomIPV6: [/^([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}$/],
  $randomUserAgent: [/^Mozilla\/5\.0 \(/],
  $randomHexColor: [/^#[0-9a-f]{6}$/],
  $randomMACAddress: [/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/],
  $randomPassword: [/^\S{15}$/],
  $randomLoremWord: [/^[a-z]+$/],
  $randomLoremWords: [/^[a-z]+( [a-z]+){2}$/],
  $randomLoremSentence: [/^[A-Z][a-z]*( [a-z]+)*\.$/],
  $randomLoremSlug: [/^[a-z]+(-[a-z]+){2}$/],
  $randomLoremSentences: [/^[A-Z].*\.$/s],
  $randomLoremParagraph: [/^[A-Z].*\.$/s],
  $randomLoremParagraphs: [(value) => value.split('\n').length === 3],
  $randomLoremText: [/\S/],
  $randomLoremLines: [(value) => value.split('\n').length <= 5],
  $randomFullName: [/^\S+( \S+)+$/],
  $randomBoolean: [/^(true|false)$/],
  $randomAlphaNumeric: [/^[a-z0-9]$/],
  $randomFileName: [/^[\w-]+\.\w+$/],
  $randomCommonFileName: [/^[\w-]+\.\w+$/],
  $randomMimeType: [/^[\w.+-]+\/[\w.+-]+$/],
  $randomCommonFileType: [/^[a-z]+$/],
  $randomCommonFileExt: [/^\w+$/],
  $randomFileType: [/^[a-z-]+$/],
  $randomFileExt: [/^[\w-]+$/],
  $randomSemver: [/^\d+\.\d+\.\d+$/],
}
for (const name of [
  '$randomAbstractImage',
  '$randomAnimalsImage',
  '$randomBusinessImage',
  '$randomCatsImage',
  '$randomCityImage',
  '$randomFoodImage',
  '$randomNightlifeImage',
  '$randomFashionImage',
  '$randomPeopleImage',
  '$randomNatureImage',
  '$randomSportsImage',
  '$randomTransportImage',
]) {
  const category = name.slice('$random'.length, -'Image'.length).toLowerCase()
  SHAPES[name] = [HTTPS_URL, validUrl, (value) => value.includes(category)]
}

function seeded(seed: number): DynamicVariableContext {
  return { random: createRandom(seed), seed, now: () => NOW }
}

async function generateAll(context: DynamicVariableContext, rounds = 1): Promise<string[]> {
  const generate = await prepareDynamicVariables(DYNAMIC_VARIABLE_NAMES, context)
  const values: string[] = []
  for (let round = 0; round < rounds; round++) {
    for (const name of DYNAMIC_VARIABLE_NAMES) values.push(generate(name) as string)
  }
  return values
}

// Runs first, on a fresh copy of the module, before anything in this file has loaded faker.
describe('lazy faker', () => {
  it('never loads faker for the custom variables, and loads it once a faker-backed name is prepared', async () => {
    vi.resetModules()
    const fresh: Module = await import('./dynamic-variables.js')
    const custom = fresh.DYNAMIC_VARIABLE_NAMES.filter((name) => !fresh.needsFaker(name))
    expect(custom).toEqual(expect.arrayContaining(CUSTOM))
    const generate = await fresh.prepareDynamicVariables(custom, seeded(1))
    for (const name of custom) expect(generate(name)).toMatch(/\S/)
    expect(generate('$unknown')).toBeUndefined()
    expect(fresh.fakerLoaded()).toBe(false)
    expect(() => generate('$randomEmail')).toThrow(
      /render the dynamic variable \$randomEmail: it needs faker/,
    )
    expect(fresh.fakerLoaded()).toBe(false)

    const withFaker = await fresh.prepareDynamicVariables(['$randomInt', '$randomEmail'], seeded(1))
    expect(fresh.fakerLoaded()).toBe(true)
    expect(withFaker('$randomEmail')).toMatch(/@/)
    // Once loaded, an unprepared faker-backed name still works.
    expect(generate('$randomEmail')).toMatch(/@/)
  })
})

describe('DYNAMIC_VARIABLE_NAMES', () => {
  it('lists exactly the 118 Postman names, unique, in Postman order', () => {
    expect(POSTMAN_NAMES).toHaveLength(118)
    expect(new Set(DYNAMIC_VARIABLE_NAMES).size).toBe(118)
    expect([...DYNAMIC_VARIABLE_NAMES]).toEqual(POSTMAN_NAMES)
  })

  it('recognises names with their $ only', () => {
    for (const name of POSTMAN_NAMES) expect(isDynamicVariable(name)).toBe(true)
    for (const name of [
      'guid',
      '$GUID',
      '$randomint',
      '$body',
      '$',
      'constructor',
      '__proto__',
      'toString',
    ]) {
      expect(isDynamicVariable(name)).toBe(false)
      expect(needsFaker(name)).toBe(false)
    }
  })

  it('marks the custom generators as faker-free', () => {
    for (const name of CUSTOM) expect(needsFaker(name)).toBe(false)
    for (const name of ['$randomEmail', '$randomFullName', '$randomUUID', '$randomCity']) {
      expect(needsFaker(name)).toBe(true)
    }
  })
})

describe('values', () => {
  it('gives a non-empty string of the expected shape for every name', async () => {
    const seed = Number(process.env.POSTMOCK_TEST_SEED ?? 20260115)
    const generate = await prepareDynamicVariables(DYNAMIC_VARIABLE_NAMES, seeded(seed))
    const failures: string[] = []
    for (const name of DYNAMIC_VARIABLE_NAMES) {
      const checks = SHAPES[name] ?? [WORDISH]
      for (let sample = 0; sample < 20; sample++) {
        const value = generate(name)
        const ok =
          typeof value === 'string' &&
          value.length > 0 &&
          checks.every((check) => (check instanceof RegExp ? check.test(value) : check(value)))
        if (!ok) failures.push(`${name} gave ${JSON.stringify(value)}`)
      }
    }
    expect(failures).toEqual([])
  })

  it('gives a fresh value per call', async () => {
    const generate = await prepareDynamicVariables(['$guid', '$randomUUID', '$randomEmail'], seeded(3))
    for (const name of ['$guid', '$randomUUID', '$randomEmail']) {
      const values = new Set(Array.from({ length: 20 }, () => generate(name)))
      expect(values.size, name).toBe(20)
    }
  })

  it('covers the whole 0–1000 range of $randomInt, both ends included', async () => {
    const generate = await prepareDynamicVariables(['$randomInt'], seeded(11))
    const seen = new Set(Array.from({ length: 30_000 }, () => Number(generate('$randomInt'))))
    expect(Math.min(...seen)).toBe(0)
    expect(Math.max(...seen)).toBe(1000)
    expect(seen.size).toBe(1001)
  })

  it('uses the real clock by default', async () => {
    const before = Date.now()
    const generate = await prepareDynamicVariables(['$timestamp'], {
      random: createRandom(),
      seed: undefined,
    })
    const iso = Date.parse(generate('$isoTimestamp') as string)
    const seconds = Number(generate('$timestamp'))
    expect(iso).toBeGreaterThanOrEqual(before)
    expect(iso).toBeLessThanOrEqual(Date.now())
    expect(Math.abs(seconds * 1000 - before)).toBeLessThan(5000)
  })

  it('dates faker values by the clock of the context that asks', async () => {
    const random = createRandom(8)
    const early = await prepareDynamicVariables(['$randomDateRecent'], { random, seed: 8, now: () => NOW })
    const late = await prepareDynamicVariables(['$randomDateRecent'], {
      random,
      seed: 8,
      now: () => NOW + 400 * DAY,
    })
    expect(dateBetween(NOW + 398 * DAY, NOW + 400 * DAY)(late('$randomDateRecent') as string)).toBe(true)
    expect(dateBetween(NOW - 2 * DAY, NOW)(early('$randomDateRecent') as string)).toBe(true)
  })

  it('returns undefined for names that are not dynamic variables', async () => {
    const generate = await prepareDynamicVariables(['$nope'], seeded(1))
    for (const name of ['$nope', 'guid', 'constructor', '__proto__', '$body']) {
      expect(generate(name)).toBeUndefined()
    }
  })
})

describe('seeds', () => {
  it('repeats the same sequence for the same seed, faker-backed names included', async () => {
    const first = await generateAll(seeded(42), 2)
    const second = await generateAll(seeded(42), 2)
    expect(second).toEqual(first)
  })

  it('repeats interleaved calls across several prepare() calls on one context', async () => {
    const run = async () => {
      const context = seeded(5)
      const a = await prepareDynamicVariables(['$randomInt'], context)
      const b = await prepareDynamicVariables(['$randomFullName', '$guid'], context)
      return [a('$randomInt'), b('$randomFullName'), b('$guid'), a('$randomInt'), b('$randomFullName')]
    }
    expect(await run()).toEqual(await run())
  })

  it('gives different values for different seeds', async () => {
    const a = await generateAll(seeded(1))
    const b = await generateAll(seeded(2))
    const differing = a.filter((value, index) => value !== b[index]).length
    // Small domains ($randomProtocol, $randomBoolean, the clock-based ones…) may coincide.
    expect(differing).toBeGreaterThan(90)
  })

  it('keeps contexts independent: one context does not shift another', async () => {
    const alone = await generateAll(seeded(9))
    const noisy = seeded(10)
    const other = seeded(9)
    const generateOther = await prepareDynamicVariables(DYNAMIC_VARIABLE_NAMES, other)
    const generateNoisy = await prepareDynamicVariables(DYNAMIC_VARIABLE_NAMES, noisy)
    const values = DYNAMIC_VARIABLE_NAMES.map((name) => {
      generateNoisy(name)
      return generateOther(name)
    })
    expect(values).toEqual(alone)
  })

  it('differs between unseeded sources', async () => {
    const a = await generateAll({ random: createRandom(), seed: undefined })
    const b = await generateAll({ random: createRandom(), seed: undefined })
    expect(a[0]).not.toBe(b[0])
    expect(a).not.toEqual(b)
  })
})

describe('createRandom', () => {
  it('is repeatable with a seed and stays in range', () => {
    const a = createRandom(123)
    const b = createRandom(123)
    for (let i = 0; i < 1000; i++) {
      const x = a.next()
      expect(x).toBe(b.next())
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThan(1)
      const n = a.int(-3, 3)
      expect(n).toBe(b.int(-3, 3))
      expect(Number.isInteger(n) && n >= -3 && n <= 3).toBe(true)
      expect(a.pick(['x', 'y', 'z'])).toBe(b.pick(['x', 'y', 'z']))
    }
    expect(createRandom(1).next()).not.toBe(createRandom(2).next())
  })

  it('rejects a non-finite seed with a postmock error', () => {
    expect(() => createRandom(Number.NaN)).toThrow(PostmockError)
    expect(() => createRandom(Number.POSITIVE_INFINITY)).toThrow(
      /^\[postmock\] Failed to create the random source/,
    )
  })

  it('refuses to pick from an empty list', () => {
    expect(() => createRandom(1).pick([])).toThrow(RangeError)
  })
})
