/** Loads profiles from the testAPI service; never throws, the caller gets a result to branch on. */

export type ProfileResult =
  | { ok: true; profile: { id: number; name: string; email: string } }
  | { ok: false; reason: 'signed-out' | 'not-found' | 'failed'; status: number }

export async function loadProfile(apiUrl: string, id: number, token?: string): Promise<ProfileResult> {
  const response = await fetch(new URL(`users/${id}`, apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`), {
    headers: token ? { Authorization: `Bearer ${token}` } : undefined,
  })
  if (response.ok) return { ok: true, profile: await response.json() }
  const reason = response.status === 401 ? 'signed-out' : response.status === 404 ? 'not-found' : 'failed'
  return { ok: false, reason, status: response.status }
}
