import { maskedForm } from '../output/mask-secret.js'

/** Query parameters that carry an API key (Postman's private mocks read `x-api-key`). */
const KEY_PARAMETERS = new Set(['apikey', 'api_key', 'api-key', 'x-api-key'])
const MAYBE_KEY = /key=/i

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

/**
 * A request target as the log shows it: the values of `apikey`, `api_key`, `api-key` and `x-api-key`
 * query parameters (any case, also percent-encoded) replaced by their masked form (`PMAK-…e8f9`, or
 * `***` for a short one).
 *
 * @example
 * maskedTarget('/users/1?apikey=PMAK-6740f1c2a9e84b5d-0a1b2c3d4e5f&x=1') // '/users/1?apikey=PMAK-…4e5f&x=1'
 */
export function maskedTarget(target: string): string {
  const start = target.indexOf('?')
  if (start < 0 || !MAYBE_KEY.test(target)) return target
  const parameters = target.slice(start + 1).split('&')
  for (let i = 0; i < parameters.length; i++) {
    const parameter = parameters[i]!
    const equals = parameter.indexOf('=')
    if (equals < 0 || !KEY_PARAMETERS.has(decoded(parameter.slice(0, equals)).toLowerCase())) continue
    parameters[i] = `${parameter.slice(0, equals + 1)}${maskedForm(decoded(parameter.slice(equals + 1)))}`
  }
  return `${target.slice(0, start + 1)}${parameters.join('&')}`
}
