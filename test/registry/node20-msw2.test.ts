import { systemNode } from './kit/env.js'
import { defineRuntimeSuite } from './kit/runtime-suite.js'

// The machine's Node 20 with msw 2.15 and Vitest 4, as the READMEs tell Node 20 users to install them.
defineRuntimeSuite({ runtime: systemNode(), msw: '2.15.0', vitest: '4.1.12' })
