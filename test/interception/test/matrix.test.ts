/**
 * The interception matrix: every HTTP client × every runner configuration × every case, against the
 * built adapters, with this package's Vitest 5, Jest 30 and msw 3 on the Node of `pnpm test` (24). The
 * suite itself is kit/suite.ts; packages/compat-msw2 runs it on Node 20 with msw 2.
 *
 * POSTMOCK_KEEP_PROJECTS=1 keeps the generated projects (.projects/run-<pid>/<runner>: the test file,
 * the runner's report.json, observations.jsonl); POSTMOCK_MATRIX_PACKAGES=<dir> runs the matrix
 * against another build's packages (see kit/runners.ts).
 */
import { WORKSPACE_TOOLCHAIN } from './kit/runners.js'
import { defineMatrix } from './kit/suite.js'

defineMatrix(WORKSPACE_TOOLCHAIN)
