import type { CoverageCollection, CoverageExample } from './types.js'

/** Served and total examples of one group. */
export interface Tally {
  served: number
  total: number
}

/** One request of a collection: its examples' tally, overall and per status class (`2xx`, `4xx`…). */
export interface RequestBreakdown {
  request: string
  method: string
  /** The first example's path (examples of one request may differ). */
  path: string
  all: Tally
  byClass: Map<string, Tally>
}

/** `404` → `4xx`. */
export function statusClass(code: number): string {
  return `${Math.floor(code / 100)}xx`
}

function add(tally: Tally, example: CoverageExample): void {
  tally.total++
  if (example.calls > 0) tally.served++
}

function classTally(byClass: Map<string, Tally>, example: CoverageExample): void {
  const name = statusClass(example.code)
  let tally = byClass.get(name)
  if (!tally) {
    tally = { served: 0, total: 0 }
    byClass.set(name, tally)
  }
  add(tally, example)
}

/** The status classes the collection's examples have, in order. */
export function classesOf(collection: CoverageCollection): string[] {
  return [...new Set(collection.examples.map((example) => statusClass(example.code)))].sort()
}

/** Per request (name and method), in collection order, and the whole collection's row. */
export function breakdown(collection: CoverageCollection): {
  requests: RequestBreakdown[]
  whole: RequestBreakdown
} {
  const requests = new Map<string, RequestBreakdown>()
  const whole: RequestBreakdown = {
    request: 'all requests',
    method: '',
    path: '',
    all: { served: 0, total: 0 },
    byClass: new Map(),
  }
  for (const example of collection.examples) {
    const id = `${example.request}\u0000${example.method}`
    let row = requests.get(id)
    if (!row) {
      row = {
        request: example.request,
        method: example.method,
        path: example.path,
        all: { served: 0, total: 0 },
        byClass: new Map(),
      }
      requests.set(id, row)
    }
    for (const target of [row, whole]) {
      add(target.all, example)
      classTally(target.byClass, example)
    }
  }
  return { requests: [...requests.values()], whole }
}

/** `3/4`, or `-` for an empty group. */
export function tallyText(tally: Tally | undefined): string {
  return tally && tally.total > 0 ? `${tally.served}/${tally.total}` : '-'
}
