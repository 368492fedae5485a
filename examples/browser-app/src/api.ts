/** The Postman mock server this app talks to (in development, MSW's service worker answers instead). */
export const API_ORIGIN = 'https://6f1c2a3e.mock.pstmn.io'

export interface User {
  id: number
  name: string
  email: string
}

export type UserResult = { ok: true; user: User } | { ok: false; status: number; message: string }

/** Fetches one user. `mockCode` sends Postman's `x-mock-response-code` header to pick an example. */
export async function fetchUser(id: string, mockCode?: string): Promise<UserResult> {
  const headers: Record<string, string> = { authorization: 'Bearer test-token' }
  if (mockCode) headers['x-mock-response-code'] = mockCode
  const response = await fetch(`${API_ORIGIN}/users/${encodeURIComponent(id)}`, { headers })
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
  if (response.ok) return { ok: true, user: body as unknown as User }
  return {
    ok: false,
    status: response.status,
    message: String(body.message ?? body.error ?? response.statusText),
  }
}
