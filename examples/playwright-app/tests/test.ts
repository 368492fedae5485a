import { test as base } from '@playwright/test'
import { postmanFixtures } from '@postmock/playwright'

// Every test gets `postman`: the page's calls to https://api.example.com are answered from the
// collection's saved examples; anything else off this machine is aborted.
export const test = base.extend(
  postmanFixtures({
    collection: '../testAPI.postman_collection.json',
    environment: '../testAPIEnv.postman_environment.json',
    baseUrls: ['https://api.example.com'],
  }),
)

export { expect } from '@playwright/test'
