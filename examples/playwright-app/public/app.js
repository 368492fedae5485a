// The app calls its real API. Playwright tests answer it from the testAPI Postman collection.
const API = 'https://api.example.com'

async function loadUser(id) {
  const profile = document.querySelector('#profile')
  profile.textContent = 'Loading…'
  try {
    const response = await fetch(`${API}/users/${encodeURIComponent(id)}`, {
      headers: { authorization: 'Bearer test-token' },
    })
    const body = await response.json()
    if (response.status === 401) {
      profile.innerHTML = '<p role="alert">Please sign in</p><a href="/login">Sign in</a>'
    } else if (response.ok) {
      profile.innerHTML = '<h2></h2><p></p>'
      profile.querySelector('h2').textContent = body.name
      profile.querySelector('p').textContent = body.email
    } else {
      profile.textContent = `Something went wrong (${response.status})`
    }
  } catch (error) {
    profile.textContent = `Offline: ${error.message}`
  }
}

document.querySelector('#lookup').addEventListener('submit', (event) => {
  event.preventDefault()
  loadUser(new FormData(event.target).get('id'))
})
loadUser('1')
