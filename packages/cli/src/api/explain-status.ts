import { visible } from '../output/visible.js'

/** What one request is about, for error messages: `collection "testAPI"`, `the collection list`. */
export interface Subject {
  kind: 'collection' | 'environment' | 'mock' | 'list'
  label: string
  /** What was done to it, for messages: `fetch` (the default), `create a response in`, … */
  verb?: string
}

function apiErrorMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } }
    const message = parsed?.error?.message
    return typeof message === 'string' ? visible(message.replace(/[.\s]+$/, '')) : undefined
  } catch {
    return undefined
  }
}

/** The reason and the what-to-do of an error answer, with the API's own message when it sent one. */
export function explainStatus(
  status: number,
  statusText: string,
  subject: Subject,
  body: string,
): [string, string] {
  const apiMessage = apiErrorMessage(body)
  const said = apiMessage ? ` ("${apiMessage}")` : ''
  switch (status) {
    case 401:
      return [
        `the Postman API answered 401 Unauthorized${said}: the API key is missing, invalid or expired`,
        'Set a valid key in POSTMAN_API_KEY (Postman: Settings > API keys)',
      ]
    case 403:
      return [
        `the Postman API answered 403 Forbidden${said}: this key's user may not read ${subject.label}`,
        'Ask its owner to share it with you, or use the key of a member of its workspace',
      ]
    case 404:
      return [
        `the Postman API answered 404 Not Found${said}: no ${subject.label} is visible to this key`,
        subject.kind === 'mock'
          ? 'Check the mock id (the first label of https://<mockId>.mock.pstmn.io)'
          : `Check the uid, or pass the ${subject.kind}'s name instead`,
      ]
    default:
      return [
        `the Postman API answered ${status} ${visible(statusText)}${said}`,
        status >= 500 ? 'Try again in a minute' : 'Check the arguments',
      ]
  }
}
