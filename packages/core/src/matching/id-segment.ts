import { isDigit, isHexDigit } from '../collection/char-codes.js'

function allDigits(segment: string): boolean {
  if (segment.length === 0) return false
  for (let i = 0; i < segment.length; i++) if (!isDigit(segment.charCodeAt(i))) return false
  return true
}

/** 8-4-4-4-12 hex digits, either case. */
function isUuid(segment: string): boolean {
  if (segment.length !== 36) return false
  for (let i = 0; i < 36; i++) {
    const code = segment.charCodeAt(i)
    const hyphen = i === 8 || i === 13 || i === 18 || i === 23
    if (hyphen ? code !== 45 : !isHexDigit(code)) return false
  }
  return true
}

/** 24 hex digits, either case (a MongoDB ObjectId). */
function isObjectId(segment: string): boolean {
  if (segment.length !== 24) return false
  for (let i = 0; i < 24; i++) if (!isHexDigit(segment.charCodeAt(i))) return false
  return true
}

/** A segment Postman treats as an "alphanumeric ID": digits, a UUID/GUID, a 24-hex ObjectId, or ≥256 chars. */
export function isIdSegment(segment: string): boolean {
  return allDigits(segment) || isUuid(segment) || isObjectId(segment) || segment.length >= 256
}
