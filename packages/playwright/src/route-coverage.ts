import { readFileSync } from 'node:fs'
import { basename, isAbsolute, resolve } from 'node:path'
import { CoverageRecorder, type PostmanMock } from '@postmock/core'
import { COVERAGE_DIR_ENV, writeCoverageFragment } from '@postmock/core/node'
import type { CollectionSource } from './options.js'

const labels = new Map<string, string>()

function nameOf(parsed: unknown): string | undefined {
  const name = (parsed as { info?: { name?: unknown } } | null)?.info?.name
  return typeof name === 'string' ? name : undefined
}

/** The collection's name, as the Node adapters label it (its file name when it has none). */
function labelOf(source: CollectionSource, baseDir: string | undefined): string {
  if (typeof source !== 'string') return nameOf(source) ?? 'collection'
  if (/^\s*[[{]/.test(source)) {
    try {
      return nameOf(JSON.parse(source)) ?? 'collection'
    } catch {
      return 'collection'
    }
  }
  const path = isAbsolute(source) ? source : resolve(baseDir ?? process.cwd(), source)
  let label = labels.get(path)
  if (label === undefined) {
    try {
      label = nameOf(JSON.parse(readFileSync(path, 'utf8'))) ?? basename(path)
    } catch {
      label = basename(path)
    }
    labels.set(path, label)
  }
  return label
}

/**
 * The example coverage of one routing (one test with the fixture): created only when a coverage
 * reporter announced a run directory (`POSTMOCK_COVERAGE_DIR`); its fragment is written on unroute.
 */
export class RouteCoverage {
  /** The test it belongs to (the fixture names it: `<file> > <title path>`). */
  test: string | undefined
  private readonly recorder = new CoverageRecorder()
  private done = false

  private constructor(label: string, mock: PostmanMock) {
    this.recorder.add(label, mock.examples)
  }

  /** `undefined` when no coverage reporter runs. */
  static start(
    mock: PostmanMock,
    source: CollectionSource,
    baseDir: string | undefined,
  ): RouteCoverage | undefined {
    if (!process.env[COVERAGE_DIR_ENV]) return undefined
    return new RouteCoverage(labelOf(source, baseDir), mock)
  }

  /** Counts the mock's recorded calls (before they are reset). */
  collect(mock: PostmanMock): void {
    if (this.done) return
    for (const call of mock.calls()) {
      if (call.example) this.recorder.record(0, call.example.location, this.test)
    }
  }

  /** Counts the last calls and writes the fragment, once. */
  finish(mock: PostmanMock): void {
    this.collect(mock)
    if (this.done) return
    this.done = true
    writeCoverageFragment(this.recorder.report())
  }
}

const byRoute = new WeakMap<object, RouteCoverage>()

/** Links a route to its coverage, so the fixture can name its test. */
export function trackRouteCoverage(route: object, coverage: RouteCoverage | undefined): void {
  if (coverage) byRoute.set(route, coverage)
}

/** Names the test a route's calls belong to in the coverage report. */
export function nameCoverageTest(route: object, test: string | undefined): void {
  const coverage = byRoute.get(route)
  if (coverage) coverage.test = test
}
