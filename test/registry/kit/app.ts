/**
 * The app the Playwright samples test: a page on 127.0.0.1 that fetches
 * https://api.example.com/users/1 and shows the user, or "Please sign in" (role=alert) on a 401.
 * The README's tests presume the user's own app; this is the smallest one they pass against.
 */
import { createServer } from 'node:net'

export const APP_SERVER = `// app/serve.mjs: serves app/index.html on 127.0.0.1:$PORT
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'

const page = readFileSync(new URL('./index.html', import.meta.url))
createServer((request, response) => {
  if (request.url === '/' || request.url === '/index.html') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(page)
  } else {
    response.writeHead(404)
    response.end()
  }
}).listen(Number(process.env.PORT), '127.0.0.1')
`

export const APP_PAGE = `<!doctype html>
<html>
  <body>
    <main id="root">Loading…</main>
    <script type="module">
      const root = document.getElementById('root')
      const response = await fetch('https://api.example.com/users/1')
      if (response.status === 401) root.innerHTML = '<p role="alert">Please sign in</p>'
      else root.textContent = 'Hello, ' + (await response.json()).name
    </script>
  </body>
</html>
`

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
