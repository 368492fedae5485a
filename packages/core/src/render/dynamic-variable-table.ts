import type { Faker } from '@faker-js/faker'
import type { RandomSource } from './random.js'

/** What a generator that does not need faker may use. */
export interface PlainEnvironment {
  random: RandomSource
  /** Current time in epoch milliseconds. */
  now: () => number
}

/** A generator built on the seeded random source only. */
export type PlainGenerator = (env: PlainEnvironment) => string

/** A generator that calls faker (already loaded, drawing from the context's random source). */
export type FakerGenerator = (faker: Faker) => string

/** ISO 639-1 codes Postman picks `$randomLocale` from (Chromium's UI language list). */
const LOCALES = (
  'af am an ar ast az be bg bh bn br bs ca ceb ckb co cs cy da de el en eo es et eu fa fi fil fo fr fy ga gd ' +
  'gl gn gu ha haw he hi hmn hr ht hu hy ia id ig is it ja jv ka kk km kn ko ku ky la lb ln lo lt lv mg mi mk ' +
  'ml mn mo mr ms mt my nb ne nl nn no ny oc om or pa pl ps pt qu rm ro ru sd sh si sk sl sm sn so sq sr st su ' +
  'sv sw ta te tg th ti tk to tr tt tw ug uk ur uz vi wa xh yi yo zh zu'
).split(' ')

/** Unix and macOS directories Postman picks `$randomDirectoryPath` from. */
const DIRECTORY_PATHS = (
  '/Applications /bin /boot /boot/defaults /dev /etc /etc/defaults /etc/mail /etc/namedb /etc/periodic ' +
  '/etc/ppp /home /home/user /home/user/dir /lib /Library /lost+found /media /mnt /net /Network /opt /opt/bin ' +
  '/opt/include /opt/lib /opt/sbin /opt/share /private /private/tmp /private/var /proc /rescue /root /sbin ' +
  '/selinux /srv /sys /System /tmp /Users /usr /usr/X11R6 /usr/bin /usr/include /usr/lib /usr/libdata ' +
  '/usr/libexec /usr/local/bin /usr/local/src /usr/obj /usr/ports /usr/sbin /usr/share /usr/src /var /var/log ' +
  '/var/mail /var/spool /var/tmp /var/yp'
).split(' ')

/** Everyday words for `$randomWords` and generated file names (faker's `random.word` mixes similar lists). */
const WORDS = (
  'account address agent alarm analyst apple array backup badge balance bandwidth banner basket beach bicycle ' +
  'bridge browser budget button cable camera canvas capacitor card castle chair channel circuit client cloud ' +
  'coffee compass copper cotton country cursor dashboard database desk device digital driver engine feed field ' +
  'firewall forest frame garden generic granite hardware harbor helmet invoice island jacket keyboard lake ' +
  'laptop leather lemon library licensed logistics marble matrix meadow metal microchip module monitor mountain ' +
  'network orange orchestrator panel pixel planet plastic portal practical program protocol quantum rubber ' +
  'sauce sensor server shoes silver soap socket steel system table tasty teal tuna violet wireless wooden yellow'
).split(' ')

/** File extensions for generated file names (a mix of common and uncommon ones, as faker's `fileExt`). */
const FILE_EXTENSIONS = (
  'txt pdf png jpg jpeg gif svg mp3 mp4 wav csv json xml html css js zip gz tar doc docx xls xlsx ppt pptx ' +
  'md bin iso mpga m4a ogg webm avi mov'
).split(' ')

/** Company suffixes of faker's en locale (faker 10 keeps them only as locale data). */
const COMPANY_SUFFIXES = ['Inc', 'and Sons', 'LLC', 'Group']

/** Image categories faker 5 served from placeimg.com (now offline). */
const IMAGE_CATEGORIES: Readonly<Record<string, string>> = {
  $randomAbstractImage: 'abstract',
  $randomAnimalsImage: 'animals',
  $randomBusinessImage: 'business',
  $randomCatsImage: 'cats',
  $randomCityImage: 'city',
  $randomFoodImage: 'food',
  $randomNightlifeImage: 'nightlife',
  $randomFashionImage: 'fashion',
  $randomPeopleImage: 'people',
  $randomNatureImage: 'nature',
  $randomSportsImage: 'sports',
  $randomTransportImage: 'transport',
}

function digits(random: RandomSource, count: number): string {
  let text = ''
  for (let i = 0; i < count; i++) text += String(random.int(0, 9))
  return text
}

/** faker 5's en `phoneNumberFormat(0)`: `!##-!##-####`, where `!` is 2–9. */
function phoneNumber(random: RandomSource): string {
  return `${random.int(2, 9)}${digits(random, 2)}-${random.int(2, 9)}${digits(random, 2)}-${digits(random, 4)}`
}

function uuidV4(random: RandomSource): string {
  const bytes = Array.from({ length: 16 }, () => random.int(0, 255))
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

function words(random: RandomSource, min: number, max: number, separator: string): string {
  const count = random.int(min, max)
  return Array.from({ length: count }, () => random.pick(WORDS)).join(separator)
}

function fileName(random: RandomSource): string {
  return `${words(random, 1, 3, '_')}.${random.pick(FILE_EXTENSIONS)}`
}

/** Generators that never need faker: Postman's own custom ones, plus a few faker 10 no longer has. */
export const PLAIN_GENERATORS: Readonly<Record<string, PlainGenerator>> = {
  $guid: ({ random }) => uuidV4(random),
  $timestamp: ({ now }) => String(Math.round(now() / 1000)),
  $isoTimestamp: ({ now }) => new Date(now()).toISOString(),
  $randomInt: ({ random }) => String(random.int(0, 1000)),
  $randomPhoneNumber: ({ random }) => phoneNumber(random),
  $randomPhoneNumberExt: ({ random }) => `${random.int(1, 99)}-${phoneNumber(random)}`,
  $randomLocale: ({ random }) => random.pick(LOCALES),
  $randomWords: ({ random }) => words(random, 2, 5, ' '),
  $randomFilePath: ({ random }) => `${random.pick(DIRECTORY_PATHS)}/${fileName(random)}`,
  $randomDirectoryPath: ({ random }) => random.pick(DIRECTORY_PATHS),
  $randomCompanySuffix: ({ random }) => random.pick(COMPANY_SUFFIXES),
  // faker 5 `finance.mask()` called without arguments: four digits, no parentheses or ellipsis.
  $randomCreditCardMask: ({ random }) => digits(random, 4),
  // The two URL shapes postman-collection 5.2.1 picks from.
  $randomAvatarImage: ({ random }) =>
    random.next() < 0.5
      ? `https://cloudflare-ipfs.com/ipfs/Qmd3W5DuhgHirLHGVixi6V76LhCkZUz6pnFt5AJBiyvHye/avatar/${random.int(0, 1249)}.jpg`
      : `https://avatars.githubusercontent.com/u/${random.int(0, 100000000)}`,
  ...Object.fromEntries(
    Object.entries(IMAGE_CATEGORIES).map(([name, category]): [string, PlainGenerator] => [
      name,
      ({ random }) => `https://picsum.photos/seed/${category}-${random.int(0, 99999)}/640/480`,
    ]),
  ),
}

/** faker 5 only produced browser user agents; faker 10 also yields bots (`Googlebot/2.1 …`), so re-roll. */
function browserUserAgent(faker: Faker): string {
  let agent = faker.internet.userAgent()
  for (let tries = 0; tries < 20 && !agent.startsWith('Mozilla/'); tries++) agent = faker.internet.userAgent()
  return agent
}

/** Generators backed by faker 10 (renamed from the faker 5 functions Postman calls). */
export const FAKER_GENERATORS: Readonly<Record<string, FakerGenerator>> = {
  $randomCity: (f) => f.location.city(),
  $randomStreetName: (f) => f.location.street(),
  $randomStreetAddress: (f) => f.location.streetAddress(),
  $randomCountry: (f) => f.location.country(),
  $randomCountryCode: (f) => f.location.countryCode('alpha-2'),
  $randomLatitude: (f) => f.location.latitude().toFixed(4),
  $randomLongitude: (f) => f.location.longitude().toFixed(4),
  $randomColor: (f) => f.color.human(),
  $randomDepartment: (f) => f.commerce.department(),
  $randomProductName: (f) => f.commerce.productName(),
  $randomProductAdjective: (f) => f.commerce.productAdjective(),
  $randomProductMaterial: (f) => f.commerce.productMaterial(),
  $randomProduct: (f) => f.commerce.product(),
  $randomCompanyName: (f) => f.company.name(),
  $randomCatchPhrase: (f) => f.company.catchPhrase(),
  $randomBs: (f) => f.company.buzzPhrase(),
  $randomCatchPhraseAdjective: (f) => f.company.catchPhraseAdjective(),
  $randomCatchPhraseDescriptor: (f) => f.company.catchPhraseDescriptor(),
  $randomCatchPhraseNoun: (f) => f.company.catchPhraseNoun(),
  $randomBsAdjective: (f) => f.company.buzzAdjective(),
  $randomBsBuzz: (f) => f.company.buzzVerb(),
  $randomBsNoun: (f) => f.company.buzzNoun(),
  $randomDatabaseColumn: (f) => f.database.column(),
  $randomDatabaseType: (f) => f.database.type(),
  $randomDatabaseCollation: (f) => f.database.collation(),
  $randomDatabaseEngine: (f) => f.database.engine(),
  // Postman stringifies the Date with `toString()` (local time zone), not ISO.
  $randomDatePast: (f) => f.date.past().toString(),
  $randomDateFuture: (f) => f.date.future().toString(),
  $randomDateRecent: (f) => f.date.recent().toString(),
  $randomMonth: (f) => f.date.month(),
  $randomWeekday: (f) => f.date.weekday(),
  $randomBankAccount: (f) => f.finance.accountNumber(8),
  $randomBankAccountName: (f) => f.finance.accountName(),
  $randomPrice: (f) => f.finance.amount(),
  $randomTransactionType: (f) => f.finance.transactionType(),
  $randomCurrencyCode: (f) => f.finance.currencyCode(),
  $randomCurrencyName: (f) => f.finance.currencyName(),
  $randomCurrencySymbol: (f) => f.finance.currencySymbol(),
  $randomBitcoin: (f) => f.finance.bitcoinAddress(),
  $randomBankAccountIban: (f) => f.finance.iban(),
  $randomBankAccountBic: (f) => f.finance.bic(),
  $randomAbbreviation: (f) => f.hacker.abbreviation(),
  $randomAdjective: (f) => f.hacker.adjective(),
  $randomNoun: (f) => f.hacker.noun(),
  $randomVerb: (f) => f.hacker.verb(),
  $randomIngverb: (f) => f.hacker.ingverb(),
  $randomPhrase: (f) => f.hacker.phrase(),
  $randomImageUrl: (f) => f.image.url({ width: 640, height: 480 }),
  $randomImageDataUri: (f) => f.image.dataUri({ width: 640, height: 480, type: 'svg-uri' }),
  $randomEmail: (f) => f.internet.email(),
  $randomExampleEmail: (f) => f.internet.exampleEmail(),
  $randomUserName: (f) => f.internet.username(),
  $randomProtocol: (f) => f.internet.protocol(),
  $randomUrl: (f) => f.internet.url(),
  $randomDomainName: (f) => f.internet.domainName(),
  $randomDomainSuffix: (f) => f.internet.domainSuffix(),
  $randomDomainWord: (f) => f.internet.domainWord(),
  $randomIP: (f) => f.internet.ipv4(),
  $randomIPV6: (f) => f.internet.ipv6(),
  $randomUserAgent: browserUserAgent,
  $randomHexColor: (f) => f.color.rgb({ format: 'hex', casing: 'lower' }),
  $randomMACAddress: (f) => f.internet.mac(),
  $randomPassword: (f) => f.internet.password({ length: 15 }),
  $randomLoremWord: (f) => f.lorem.word(),
  $randomLoremWords: (f) => f.lorem.words(3),
  $randomLoremSentence: (f) => f.lorem.sentence(),
  $randomLoremSlug: (f) => f.lorem.slug(3),
  $randomLoremSentences: (f) => f.lorem.sentences({ min: 2, max: 6 }),
  $randomLoremParagraph: (f) => f.lorem.paragraph(3),
  $randomLoremParagraphs: (f) => f.lorem.paragraphs(3),
  $randomLoremText: (f) => f.lorem.text(),
  $randomLoremLines: (f) => f.lorem.lines({ min: 1, max: 5 }),
  $randomFirstName: (f) => f.person.firstName(),
  $randomLastName: (f) => f.person.lastName(),
  $randomFullName: (f) => f.person.fullName(),
  $randomJobTitle: (f) => f.person.jobTitle(),
  $randomNamePrefix: (f) => f.person.prefix(),
  $randomNameSuffix: (f) => f.person.suffix(),
  $randomJobDescriptor: (f) => f.person.jobDescriptor(),
  $randomJobArea: (f) => f.person.jobArea(),
  $randomJobType: (f) => f.person.jobType(),
  $randomUUID: (f) => f.string.uuid(),
  $randomBoolean: (f) => String(f.datatype.boolean()),
  $randomWord: (f) => f.word.sample(),
  $randomAlphaNumeric: (f) => f.string.alphanumeric({ length: 1, casing: 'lower' }),
  $randomFileName: (f) => f.system.fileName(),
  $randomCommonFileName: (f) => f.system.commonFileName(),
  $randomMimeType: (f) => f.system.mimeType(),
  $randomCommonFileType: (f) => f.system.commonFileType(),
  $randomCommonFileExt: (f) => f.system.commonFileExt(),
  $randomFileType: (f) => f.system.fileType(),
  $randomFileExt: (f) => f.system.fileExt(),
  $randomSemver: (f) => f.system.semver(),
}
