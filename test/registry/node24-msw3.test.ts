import { node24 } from './kit/env.js'
import { defineRuntimeSuite } from './kit/runtime-suite.js'

// The project's Node 24 with msw 3 and Vitest 5: what `npm i -D @postmock/vitest msw vitest` installs today.
defineRuntimeSuite({ runtime: node24(), msw: '3.0.5', vitest: '5.1.1' })
