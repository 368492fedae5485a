import { useEffect, useState } from 'react'
import { loadProfile, type ProfileResult } from './profile-service'

/** A header badge: the signed-in user's name, or a sign-in button. */
export function ProfileBadge({ apiUrl, userId, token }: { apiUrl: string; userId: number; token?: string }) {
  const [result, setResult] = useState<ProfileResult | undefined>()
  useEffect(() => {
    let live = true
    loadProfile(apiUrl, userId, token).then((next) => live && setResult(next))
    return () => {
      live = false
    }
  }, [apiUrl, userId, token])
  if (!result) return <span aria-busy="true">…</span>
  if (result.ok) return <span title={result.profile.email}>Signed in as {result.profile.name}</span>
  if (result.reason === 'signed-out') return <button type="button">Sign in</button>
  return <span role="alert">Profile unavailable ({result.status})</span>
}
