import { http, type RequestHandler } from 'msw'
import type { Site } from './site.js'

/**
 * One MSW dispatcher per served origin (never one handler per example: MSW tries handlers one by one).
 * Each hands the request to `respond`; `undefined` lets MSW treat the request as unhandled.
 */
export function createHandlers(
  sites: readonly Site[],
  respond: (request: Request) => Promise<Response | undefined>,
): RequestHandler[] {
  const patterns = new Set<string>()
  for (const site of sites) {
    if (site.mockHosts === true) {
      patterns.add('https://*.mock.pstmn.io/*')
      patterns.add('http://*.mock.pstmn.io/*')
    } else if (site.mockHosts) {
      for (const id of site.mockHosts) {
        patterns.add(`https://${id}.mock.pstmn.io/*`)
        patterns.add(`http://${id}.mock.pstmn.io/*`)
      }
    }
    for (const base of site.baseUrls) patterns.add(`${base.origin}${base.basePath}/*`)
  }
  const resolver = ({ request }: { request: Request }) => respond(request)
  return [...patterns].map((pattern) => http.all(pattern, resolver))
}
