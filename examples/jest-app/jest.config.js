/**
 * Jest + @postmock/jest: run with NODE_OPTIONS=--experimental-vm-modules (see package.json), ESM test
 * files compiled by @swc/jest, and jest-fixed-jsdom (jsdom that keeps Node's fetch API) for DOM tests.
 */
export default {
  testEnvironment: 'jest-fixed-jsdom',
  testMatch: ['<rootDir>/test/**/*.test.{ts,tsx}'],
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } },
        module: { type: 'es6' },
      },
    ],
  },
}
