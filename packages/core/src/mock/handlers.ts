import { http, type RequestHandler } from 'msw'
import type { Site } from './site.js'

/**
 * One MSW dispatcher per served origin (never one handler per example: MSW tries handlers one by one).
 * Each hands the request to `respond`. A matched handler that returns nothing would let MSW send the
 * request to the network (msw 2 and 3 both do), so a request the patterns catch but no site serves
 * (e.g. `a.b.mock.pstmn.io`) gets a network error instead: never sent out.
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
  const resolver = async ({ request }: { request: Request }) => (await respond(request)) ?? Response.error()
  return [...patterns].map((pattern) => http.all(pattern, resolver))
}
