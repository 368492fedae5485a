import { setupPostmanMocks } from '@postmock/vitest'

/**
 * The testAPI collection serves https://api.example.com (its {{baseUrl}}) and any
 * https://<mockId>.mock.pstmn.io host. Paths resolve from process.cwd(): this app's folder.
 */
export function servePostman() {
  return setupPostmanMocks('../testAPI.postman_collection.json', {
    environment: '../testAPIEnv.postman_environment.json',
    baseUrls: ['https://api.example.com'],
  })
}
