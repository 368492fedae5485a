import { useEffect, useState } from 'react'
import { type ApiClient, UnauthorizedError, type User } from './api-client'

type State =
  | { kind: 'loading' }
  | { kind: 'user'; user: User }
  | { kind: 'sign-in' }
  | { kind: 'error'; message: string }

/** Shows a user, or a sign-in prompt when the API answers 401. */
export function UserCard({ client, id }: { client: ApiClient; id: number }) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  useEffect(() => {
    client.getUser(id).then(
      (user) => setState({ kind: 'user', user }),
      (error: Error) =>
        setState(
          error instanceof UnauthorizedError
            ? { kind: 'sign-in' }
            : { kind: 'error', message: error.message },
        ),
    )
  }, [client, id])
  if (state.kind === 'loading') return <p>Loading…</p>
  if (state.kind === 'sign-in') return <a href="/sign-in">Please sign in</a>
  if (state.kind === 'error') return <p role="alert">{state.message}</p>
  return (
    <article>
      <h2>{state.user.name}</h2>
      <p>{state.user.email}</p>
    </article>
  )
}
