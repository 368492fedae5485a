import { useEffect, useState } from 'react'

/** The Postman mock server the component talks to; in Storybook the service worker answers. */
export const API_ORIGIN = 'https://6f1c2a3e.mock.pstmn.io'

type State =
  | { kind: 'loading' }
  | { kind: 'user'; name: string; email: string }
  | { kind: 'unauthorized'; message: string }
  | { kind: 'error'; message: string }

/** Shows a user fetched from the API, or a sign-in prompt on 401. */
export function UserCard({ id = '1' }: { id?: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  useEffect(() => {
    let live = true
    fetch(`${API_ORIGIN}/users/${encodeURIComponent(id)}`, {
      headers: { authorization: 'Bearer test-token' },
    })
      .then(async (response) => {
        const body = await response.json()
        if (!live) return
        if (response.ok) setState({ kind: 'user', name: body.name, email: body.email })
        else if (response.status === 401) setState({ kind: 'unauthorized', message: body.message })
        else setState({ kind: 'error', message: `${response.status}` })
      })
      .catch((error: Error) => live && setState({ kind: 'error', message: error.message }))
    return () => {
      live = false
    }
  }, [id])

  if (state.kind === 'loading') return <p>Loading…</p>
  if (state.kind === 'unauthorized') return <p role="alert">Please sign in ({state.message})</p>
  if (state.kind === 'error') return <p role="alert">Something went wrong: {state.message}</p>
  return (
    <article>
      <h2>{state.name}</h2>
      <p>{state.email}</p>
    </article>
  )
}
