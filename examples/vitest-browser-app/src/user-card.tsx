import { useEffect, useState } from 'react'

interface User {
  id: number
  name: string
  email: string
}

type State =
  | { kind: 'loading' }
  | { kind: 'user'; user: User }
  | { kind: 'sign-in' }
  | { kind: 'error'; text: string }

/**
 * Fetches `GET <apiUrl>/users/:id` from the page and shows the user, a sign-in link on 401, or the
 * error (a failed request or another status).
 */
export function UserCard({ apiUrl, id, token }: { apiUrl: string; id: number; token?: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  useEffect(() => {
    const headers: HeadersInit = token ? { authorization: `Bearer ${token}` } : {}
    fetch(`${apiUrl}/users/${id}`, { headers })
      .then(async (response) => {
        if (response.status === 401) return setState({ kind: 'sign-in' })
        if (!response.ok) return setState({ kind: 'error', text: `The API answered ${response.status}` })
        setState({ kind: 'user', user: (await response.json()) as User })
      })
      .catch((error: Error) => setState({ kind: 'error', text: `The API cannot be reached (${error.name})` }))
  }, [apiUrl, id, token])
  if (state.kind === 'loading') return <p>Loading…</p>
  if (state.kind === 'sign-in') return <a href="/sign-in">Please sign in</a>
  if (state.kind === 'error') return <p role="alert">{state.text}</p>
  return (
    <article>
      <h2>{state.user.name}</h2>
      <p>{state.user.email}</p>
    </article>
  )
}
