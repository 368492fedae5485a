import { tryParseJson } from '../collection/body.js'
import { parseQueryString, safeDecode } from '../collection/url.js'
import { type PathForms, pathForms } from './path-steps.js'

/** An incoming request, read once into what the matcher needs. */
export interface IncomingRequest {
  method: string
  url: string
  /** Decoded path relative to the served root (the mock host, or a base URL's path), starting with `/`. */
  path: string
  /** The path's forms for the path steps, computed once. */
  forms: PathForms
  query: Array<[string, string]>
  headers: Headers
  /** The raw body text (`''` when none). */
  body: string
  /** Lower-cased media type of the request, without parameters. */
  contentType: string | undefined
  /** The body parsed as JSON, computed on first use. */
  json(): unknown | undefined
}

const NO_BODY = new Set(['GET', 'HEAD'])

/** Decodes a URL path segment by segment (a `%2F` stays inside its segment). */
export function decodePath(pathname: string): string {
  if (!pathname.includes('%')) return pathname
  return pathname
    .split('/')
    .map((segment) => safeDecode(segment))
    .join('/')
}

/** How {@link readIncoming} treats the body. */
export interface BodyReading {
  /** Whether matching or rendering may need the body at all. */
  read: boolean
  /** Whether the request is ours to consume (MSW hands each resolver its own copy); else it is cloned. */
  owned: boolean
}

/**
 * Reads a Fetch request for matching; `basePath` is removed from the path. The caller's request is never
 * consumed: the body is read from a clone unless the request is `owned`, and only when it may be needed.
 */
export async function readIncoming(
  request: Request,
  url: URL,
  basePath = '',
  body: BodyReading = { read: true, owned: false },
): Promise<IncomingRequest> {
  const method = request.method.toUpperCase()
  const text =
    !body.read || NO_BODY.has(method) || request.body === null
      ? ''
      : await (body.owned ? request : request.clone()).text()
  let pathname = url.pathname
  if (basePath && pathname.startsWith(basePath)) pathname = pathname.slice(basePath.length) || '/'
  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() || undefined
  let parsed: { value: unknown } | undefined
  const path = decodePath(pathname.startsWith('/') ? pathname : `/${pathname}`)
  return {
    method,
    url: request.url,
    path,
    forms: pathForms(path),
    query: parseQueryString(url.search.slice(1)),
    headers: request.headers,
    body: text,
    contentType,
    json() {
      if (!parsed) parsed = { value: tryParseJson(text) }
      return parsed.value
    },
  }
}
