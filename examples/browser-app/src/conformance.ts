// Runs the repository's conformance cases (test/conformance) in this page: each case's collection
// becomes core handlers under MSW's service worker, and the page's own fetch() asks.
import { createPostmanMock } from '@postmock/core'
import { setupWorker } from 'msw/browser'
import { type ConformanceCase, caseCollection, caseRequest, cases } from '../../../test/conformance/cases.js'
import { checkAnswer } from '../../../test/conformance/check.js'

/** Request headers a page may not set (the Fetch standard drops them), so such cases cannot run here. */
const FORBIDDEN_HEADER =
  /^(accept-charset|accept-encoding|access-control-request-.*|connection|content-length|cookie|date|dnt|expect|host|keep-alive|origin|referer|te|trailer|transfer-encoding|upgrade|via|proxy-.*|sec-.*)$/i

export interface CaseResult {
  id: string
  problems: string[]
  skipped?: string
}

function skipReason(c: ConformanceCase): string | undefined {
  const forbidden = Object.keys(c.request.headers ?? {}).filter((name) => FORBIDDEN_HEADER.test(name))
  if (forbidden.length) return `a page cannot send the header(s) ${forbidden.join(', ')}`
  return undefined
}

async function run(): Promise<CaseResult[]> {
  const worker = setupWorker()
  const bypass = { onUnhandledRequest: 'bypass', onUnhandledFrame: 'bypass' } as Record<string, unknown>
  await worker.start({
    ...bypass,
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  })
  const results: CaseResult[] = []
  for (const c of cases) {
    const skipped = skipReason(c)
    if (skipped) {
      results.push({ id: c.id, problems: [], skipped })
      continue
    }
    const mock = createPostmanMock(caseCollection(c), { onWarning: () => {}, ...c.options })
    worker.resetHandlers(...mock.handlers)
    const started = performance.now()
    let response: Response | undefined
    try {
      response = await fetch(caseRequest(c))
    } catch (error) {
      // an unserved origin is not answered by the worker; every host name is unresolvable in the test browser
      if (!c.expect.unserved) {
        results.push({ id: c.id, problems: [`fetch failed: ${(error as Error).message}`] })
        continue
      }
    }
    results.push({ id: c.id, problems: await checkAnswer(c, response, performance.now() - started) })
  }
  worker.stop()
  return results
}

declare global {
  interface Window {
    conformance?: Promise<CaseResult[]>
  }
}

window.conformance = run()
window.conformance.then(
  (results) => {
    document.querySelector('#status')!.textContent = `${results.length} cases run`
  },
  (error: unknown) => {
    document.querySelector('#status')!.textContent = `failed: ${String(error)}`
  },
)
