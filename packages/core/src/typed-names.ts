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
   * Filled by the files `postmock types` writes: `"request:<name>"` for each request (item) name and
   * `"path:<form>"` for each `METHOD /path` and `/path` form, mapping its example names to their status
   * codes. Several generated files merge (each names its own requests). Empty when no generated file is
   * part of the program.
   *
   * @example
   * // postman.d.ts (written by `postmock types testAPI.postman_collection.json`)
   * export {}
   * declare global {
   *   interface PostmockRegister {
   *     'request:Get user': { 'Get user OK': 200; Unauthorized: 401 }
   *     'path:GET /users/1': { 'Get user OK': 200; Unauthorized: 401 }
   *     'path:/users/1': { 'Get user OK': 200; Unauthorized: 401 }
   *   }
   * }
   */
  interface PostmockRegister {}
}

// Every lookup below is one indexed access into the register: a name's examples cost the same with 3
// requests or 3,000 (a union of 9,000 overrides is checked in seconds, its errors included).

type Keys = keyof PostmockRegister & string

/** Whether a generated declaration file is part of the program. */
type Registered = [Keys] extends [never] ? false : true

/** The names under a key prefix (`K` distributes: each key on its own). */
type NamesOf<K, Prefix extends string> = K extends `${Prefix}${infer Name}` ? Name : never

/** The examples (`{ name: code }`) of a request name or path form. */
type ExamplesOf<R> = R extends string
  ?
      | (`request:${R}` extends Keys ? PostmockRegister[`request:${R}`] : never)
      | (`path:${R}` extends Keys ? PostmockRegister[`path:${R}`] : never)
  : never

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
export type RequestItemName = Registered extends true ? NamesOf<Keys, 'request:'> : string

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
export type RequestName = Registered extends true ? NamesOf<Keys, 'request:' | 'path:'> : string

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
