/** Replaced at build time (tsdown `define`): `true` in the CJS build, `false` in the ESM build. */
declare const __POSTMOCK_CJS__: boolean
