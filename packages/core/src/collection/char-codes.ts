/** Character-code tests for the scanners that read URLs, paths and `{{variables}}` without regular expressions. */

export const OPEN_BRACE = 123
export const CLOSE_BRACE = 125

export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** 0–9, A–F or a–f. */
export function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102)
}
