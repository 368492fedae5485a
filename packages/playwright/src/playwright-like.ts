/**
 * The few Playwright members postmock uses, written structurally so that the package works with
 * `@playwright/test` and `playwright-core` alike, and its types need neither installed.
 */

/** The part of a Playwright `Request` postmock reads. */
export interface RequestLike {
  url(): string
  method(): string
  allHeaders(): Promise<Record<string, string>>
  postDataBuffer(): Buffer | null
}

/** The part of a Playwright `Route` postmock drives. */
export interface RouteLike {
  request(): RequestLike
  fulfill(response: {
    status?: number
    headers?: Record<string, string>
    body?: string | Buffer
  }): Promise<void>
  abort(errorCode?: string): Promise<void>
  fallback(): Promise<void>
  /** Sends the request from Node (outside the page's routing), to `url` when given: how recording reaches the real API. */
  fetch?(options?: {
    url?: string
    maxRedirects?: number
    headers?: Record<string, string>
  }): Promise<APIResponseLike>
}

/** The part of a Playwright `APIResponse` (what `route.fetch()` gives) recording reads. */
export interface APIResponseLike {
  status(): number
  statusText(): string
  headersArray(): Array<{ name: string; value: string }>
  body(): Promise<Buffer>
}

/** A URL predicate, as `page.route()` and `context.route()` accept. */
export type UrlPredicate = (url: URL) => boolean

/** A route handler, as `page.route()` and `context.route()` accept. */
export type RouteHandler = (route: RouteLike) => Promise<void>

/** A Playwright `Page` or `BrowserContext`: anything with `route()` and `unroute()`. */
export interface RoutableLike {
  route(url: UrlPredicate, handler: RouteHandler): Promise<unknown>
  unroute(url: UrlPredicate, handler?: RouteHandler): Promise<unknown>
}

/** The part of Playwright's `TestInfo` the fixture reads. */
export interface TestInfoLike {
  config: { configFile?: string | undefined; rootDir: string }
}
