import { mockIdOf, underBasePath } from './origins.js'
import type { Site } from './site.js'

/** Where a request lands: the site serving its origin and the base path to strip. */
export interface Route {
  site: Site
  basePath: string
}

/** Finds the site that serves a URL: a `<mockId>.mock.pstmn.io` host, or the longest matching base URL. */
export class Router {
  constructor(private readonly sites: readonly Site[]) {}

  route(url: URL): Route | undefined {
    const mockId = mockIdOf(url.hostname)
    if (mockId !== undefined) {
      const site = this.sites.find(
        (s) => s.mockHosts === true || (s.mockHosts !== false && s.mockHosts.has(mockId)),
      )
      return site ? { site, basePath: '' } : undefined
    }
    let found: Route | undefined
    for (const site of this.sites) {
      for (const base of site.baseUrls) {
        if (base.origin !== url.origin || !underBasePath(url.pathname, base.basePath)) continue
        if (!found || base.basePath.length > found.basePath.length) found = { site, basePath: base.basePath }
      }
    }
    return found
  }

  /** The served origins, for reports: `https://*.mock.pstmn.io`, `https://<id>.mock.pstmn.io`, base URLs. */
  origins(): string[] {
    const origins = new Set<string>()
    for (const site of this.sites) {
      if (site.mockHosts === true) origins.add('https://*.mock.pstmn.io')
      else if (site.mockHosts) for (const id of site.mockHosts) origins.add(`https://${id}.mock.pstmn.io`)
      for (const base of site.baseUrls) origins.add(base.origin + base.basePath)
    }
    return [...origins]
  }
}
