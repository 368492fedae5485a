/** A small fetch-based client for the testAPI service. */

export interface User {
  id: number
  name: string
  email: string
}

/** Thrown when the API answers 401. */
export class UnauthorizedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnauthorizedError'
  }
}

export interface ApiClient {
  getUser(id: number): Promise<User>
}

export function createApiClient(options: { baseUrl: string; token?: string }): ApiClient {
  return {
    async getUser(id) {
      const response = await fetch(`${options.baseUrl}/users/${id}`, {
        headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
      })
      if (response.status === 401) {
        const body = (await response.json()) as { message?: string }
        throw new UnauthorizedError(body.message ?? 'unauthorized')
      }
      if (!response.ok) throw new Error(`GET /users/${id} failed with ${response.status}`)
      return (await response.json()) as User
    },
  }
}
