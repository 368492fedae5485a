import type { DelaySetting } from '../mock/types.js'

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

/** Waits `ms` milliseconds (no timer when 0). */
export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()
}
