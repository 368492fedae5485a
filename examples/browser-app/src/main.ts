import { fetchUser } from './api.js'

const MOCKS_ON = import.meta.env.DEV || import.meta.env.VITE_POSTMOCK === 'true'

async function render(): Promise<void> {
  const section = document.querySelector<HTMLElement>('#user')!
  if (MOCKS_ON) {
    // a dynamic import: production builds without VITE_POSTMOCK never download core, msw or the collection
    const { startMocks } = await import('./mocks/browser.js')
    await startMocks()
  }
  const params = new URLSearchParams(location.search)
  const result = await fetchUser(params.get('user') ?? '1', params.get('code') ?? undefined)
  if (result.ok) {
    section.innerHTML = '<h2 class="name"></h2><p class="email"></p>'
    section.querySelector('.name')!.textContent = result.user.name
    section.querySelector('.email')!.textContent = result.user.email
  } else if (result.status === 401) {
    section.textContent = `Please sign in (${result.message})`
  } else {
    section.textContent = `Error ${result.status}: ${result.message}`
  }
  section.dataset.state = result.ok ? 'ok' : `error-${result.ok ? '' : result.status}`
}

render().catch((error: unknown) => {
  const section = document.querySelector<HTMLElement>('#user')!
  section.textContent = `Failed: ${String(error)}`
  section.dataset.state = 'failed'
})
