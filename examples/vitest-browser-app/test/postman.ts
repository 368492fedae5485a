import { setupPostmanMocks } from '@postmock/vitest'
import collection from '../../testAPI.postman_collection.json'
import environment from '../../testAPIEnv.postman_environment.json'

/**
 * The testAPI collection, imported as JSON (Vite bundles it into the test page), serves
 * https://api.example.com (its {{baseUrl}}) and any https://<mockId>.mock.pstmn.io host.
 */
export function servePostman() {
  return setupPostmanMocks(collection, { environment, baseUrls: ['https://api.example.com'] })
}
