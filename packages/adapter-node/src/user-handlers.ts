import type { RequestHandler } from 'msw'
import type { Runtime } from './runtime.js'

/**
 * `postman.server`: the user's own msw request handlers, consulted before the collection for every
 * intercepted request. It keeps the part of msw's `setupServer()` API that tests use; postmock owns
 * the interception itself (listen/close happen in the runner's hooks).
 *
 * @example
 * import { http, HttpResponse } from 'msw'
 * postman.server.use(http.get('https://api.example.com/health', () => HttpResponse.json({ ok: true })))
 */
export interface PostmockServer {
  /** Prepends handlers (they win over the collection and over handlers added before them). */
  use(...handlers: RequestHandler[]): void
  /** Drops the handlers added with `use()`; with arguments, replaces them with those. */
  resetHandlers(...next: RequestHandler[]): void
  /** Marks one-time (`{ once: true }`) handlers as unused again. */
  restoreHandlers(): void
  /** The current handlers, in the order they are tried. */
  listHandlers(): readonly RequestHandler[]
}

/** The handler list behind {@link PostmockServer}, and its answer for one request. */
export class UserHandlers implements PostmockServer {
  private handlers: RequestHandler[] = []

  constructor(private readonly runtime: Runtime) {}

  use(...handlers: RequestHandler[]): void {
    this.handlers.unshift(...handlers)
  }

  resetHandlers(...next: RequestHandler[]): void {
    this.handlers = [...next]
  }

  restoreHandlers(): void {
    for (const handler of this.handlers) (handler as { isUsed?: boolean }).isUsed = false
  }

  listHandlers(): readonly RequestHandler[] {
    return [...this.handlers]
  }

  /** The first user handler's answer, if any; the request itself is left unread. */
  async respond(request: Request): Promise<Response | undefined> {
    if (!this.handlers.length) return undefined
    return this.runtime.getResponse(this.handlers, request.clone())
  }
}
