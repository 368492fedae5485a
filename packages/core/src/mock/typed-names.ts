/**
 * Typed names: once `postmock types` has written a declaration file that fills the global
 * `PostmockRegister` interface, `use()`, `calls()`, `unused()` and `explain()` know the collection's
 * request names, `METHOD /path` forms, example names and saved codes. With nothing registered every
 * type here is plain `string` / `number`, exactly as before.
 *
 * The register is global, not a module augmentation of `@postmock/core`: a project that installs only
 * `@postmock/vitest` (pnpm, Yarn PnP) cannot resolve `@postmock/core` from its own files, and a
 * global interface reaches every copy of core the program loads.
 */

declare global {
  /**
   * Filled by the file `postmock types` writes: `collections: { '<label>': { requests, paths } }`,
   * each request (item name) and path form (`METHOD /path`, `/path`) mapping its example names to
   * their status codes. Empty when no generated file is part of the program.
   *
   * @example
   * // postman.d.ts (written by `postmock types testAPI.postman_collection.json`)
   * export {}
   * declare global {
   *   interface PostmockRegister {
   *     collections: {
   *       testAPI: {
   *         requests: { 'Get user': { examples: { 'Get user OK': 200; Unauthorized: 401 } } }
   *         paths: { 'GET /users/1': { examples: { 'Get user OK': 200; Unauthorized: 401 } } }
   *       }
   *     }
   *   }
   * }
   */
  interface PostmockRegister {}
}

/** Every registered collection, as a union (`never` when nothing is registered). */
type Collections = PostmockRegister extends { collections: infer C } ? C[keyof C] : never

/** Whether a generated declaration file registered at least one collection. */
type Registered = [Collections] extends [never] ? false : true

type ItemsOf<C> = C extends { requests: infer Q } ? keyof Q & string : never
type PathsOf<C> = C extends { paths: infer P } ? keyof P & string : never

/** The entries (`{ examples }`) a request name or path form refers to, in every collection. */
type EntriesOf<C, R> =
  | (C extends { requests: infer Q } ? (R extends keyof Q ? Q[R] : never) : never)
  | (C extends { paths: infer P } ? (R extends keyof P ? P[R] : never) : never)

type ExamplesOf<R> =
  EntriesOf<Collections, R> extends infer E ? (E extends { examples: infer X } ? X : never) : never

/** An object type written out flat, so editors and diagnostics show its members, not `Omit<…> & {…}`. */
type Flat<T> = { [K in keyof T]: T[K] } & {}

/**
 * A request (item) name of the registered collections, as `calls()` filters by it and
 * `ExampleInfo.request` carries it; `string` when nothing is registered.
 *
 * @example
 * import type { RequestItemName } from '@postmock/core'
 * const name: RequestItemName = 'Get user'
 */
export type RequestItemName = Registered extends true ? ItemsOf<Collections> : string

/**
 * What `use({ request })` accepts: a request (item) name of the registered collections, or one of its
 * `METHOD /path` and `/path` forms (the path as the matcher sees it, variables resolved); `string`
 * when nothing is registered.
 *
 * @example
 * import type { RequestName } from '@postmock/core'
 * const byName: RequestName = 'Get user'
 * const byPath: RequestName = 'GET /users/1'
 */
export type RequestName = Registered extends true ? ItemsOf<Collections> | PathsOf<Collections> : string

/**
 * The example names saved for request `R` (a name or path form), or of every request when `R` is
 * left out; `string` when nothing is registered.
 *
 * @example
 * import type { ExampleName } from '@postmock/core'
 * const name: ExampleName<'Get user'> = 'Unauthorized'
 */
export type ExampleName<R extends string = RequestName> = Registered extends true
  ? ExamplesOf<R> extends infer X
    ? X extends unknown
      ? keyof X & string
      : never
    : never
  : string

/**
 * The status codes saved for request `R` (a name or path form), or of every request when `R` is
 * left out; `number` when nothing is registered.
 *
 * @example
 * import type { ExampleCode } from '@postmock/core'
 * const code: ExampleCode<'Get user'> = 401
 */
export type ExampleCode<R extends string = RequestName> = Registered extends true
  ? ExamplesOf<R> extends infer X
    ? X extends unknown
      ? Extract<X[keyof X], number>
      : never
    : never
  : number

/** A `sequence` step typed for request `R`: its `example` and `code` are that request's. */
type StepFor<Step, R extends string> = Flat<
  Omit<Step, 'example' | 'code'> & { example?: ExampleName<R>; code?: ExampleCode<R> }
>

/** `Base` with `request`, `example`, `code` (and each `sequence` step's) typed for request `R`. */
type OverrideFor<
  Base,
  R extends string | undefined,
  Names extends string = R extends string ? R : RequestName,
> = Flat<
  Omit<Base, 'request' | 'example' | 'code' | 'sequence'> & {
    request: R
    example?: ExampleName<Names>
    code?: ExampleCode<Names>
  } & (Base extends { sequence?: Array<infer Step> } ? { sequence?: Array<StepFor<Step, Names>> } : unknown)
>

/**
 * The override `use()` takes, with its names checked against the registered collections: one member
 * per request, so `example` and `code` accept only what that request saved. `Base` itself when nothing
 * is registered.
 */
export type TypedOverride<Base> = Registered extends true
  ?
      | Flat<Omit<OverrideFor<Base, undefined>, 'request'> & { request?: undefined }>
      | { [R in RequestName]: OverrideFor<Base, R> }[RequestName]
  : Base

/**
 * The filter `calls()` takes, with its names checked: `request` is a request (item) name (the name a
 * recorded call carries), and with it `example` and `status` are that request's. `Base` itself when
 * nothing is registered.
 */
export type TypedCallFilter<Base> = Registered extends true
  ?
      | Flat<Omit<Base, 'request' | 'example'> & { request?: undefined; example?: ExampleName }>
      | {
          [R in RequestItemName]: Flat<
            Omit<Base, 'request' | 'example' | 'status'> & {
              request: R
              example?: ExampleName<R>
              /** `0` for a call that got a `network-error` or `timeout` fault. */
              status?: ExampleCode<R> | 0
            }
          >
        }[RequestItemName]
  : Base
