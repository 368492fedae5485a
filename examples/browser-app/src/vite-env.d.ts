/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `'true'` turns the service-worker mocks on in a production build (`vite build --mode postmock`). */
  readonly VITE_POSTMOCK?: string
}
