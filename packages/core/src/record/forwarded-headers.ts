/** A real API's answer handed on to a client after it was read whole (and decoded). */

/** Response headers that describe the hop or the encoding of a body read whole and decoded. */
const HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'content-length',
])

/**
 * The headers of a real answer that still hold once its body was read whole and decoded: the hop's
 * own (`Connection`, `Keep-Alive`, `Transfer-Encoding`) and the body's encoding and length are left out
 * (whoever sends the body again sets its length). Repeats are kept, in order.
 *
 * @example
 * forwardedHeaders([['content-type', 'application/json'], ['content-encoding', 'gzip']])
 * // [['content-type', 'application/json']]
 */
export function forwardedHeaders(pairs: Iterable<readonly [string, string]>): Array<[string, string]> {
  const kept: Array<[string, string]> = []
  for (const [name, value] of pairs) if (!HOP_HEADERS.has(name.toLowerCase())) kept.push([name, value])
  return kept
}
