import type { CliIo } from './io.js'

/** ANSI styles, or identity functions when colour is off. */
export interface Palette {
  enabled: boolean
  bold(text: string): string
  dim(text: string): string
  red(text: string): string
  green(text: string): string
  yellow(text: string): string
  cyan(text: string): string
  /** Colours an HTTP status by class: 2xx green, 3xx cyan, 4xx yellow, 5xx red. */
  status(code: number): string
}

/**
 * Colour is on when the stream is a terminal and `NO_COLOR` is unset or empty; `FORCE_COLOR`
 * (any value but `0`) turns it on anyway.
 */
export function colourEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true
  return stream.isTTY === true
}

function style(on: boolean, open: number, close: number): (text: string) => string {
  return on ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text
}

/** A palette for stdout (or stderr with `stream: 'stderr'`). */
export function palette(io: CliIo, stream: 'stdout' | 'stderr' = 'stdout'): Palette {
  const on = colourEnabled(io[stream], io.env)
  const red = style(on, 31, 39)
  const green = style(on, 32, 39)
  const yellow = style(on, 33, 39)
  const cyan = style(on, 36, 39)
  return {
    enabled: on,
    bold: style(on, 1, 22),
    dim: style(on, 2, 22),
    red,
    green,
    yellow,
    cyan,
    status(code) {
      const text = String(code)
      if (code >= 500) return red(text)
      if (code >= 400) return yellow(text)
      if (code >= 300) return cyan(text)
      return green(text)
    },
  }
}
