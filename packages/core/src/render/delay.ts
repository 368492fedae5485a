import type { DelaySetting } from '../glossary.js'

/** Postman's network presets (spec §4.4). */
export const DELAY_PRESETS = { '2G': 300, '3G': 100 } as const

/** The delay of one answer: `x-mock-response-delay` (1–180000 ms) overrides the configured delay. */
export function resolveDelay(setting: DelaySetting | undefined, header: string | null): number {
  if (header !== null && /^\d+$/.test(header.trim())) {
    const ms = Number(header.trim())
    if (ms >= 1 && ms <= 180000) return ms
  }
  if (setting === undefined) return 0
  return typeof setting === 'number' ? setting : DELAY_PRESETS[setting]
}

/**
 * Waits `ms` milliseconds (no timer when 0); rejects with the signal's reason as soon as it aborts
 * (the caller gave up on the request: a server shutting down, a fetch aborted), leaving no timer behind.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason)
  if (ms <= 0) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
