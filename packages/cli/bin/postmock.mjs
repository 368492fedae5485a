#!/usr/bin/env node
import { exitQuietlyOnBrokenPipe, main } from '../dist/bin.mjs'

exitQuietlyOnBrokenPipe()
process.exitCode = await main(process.argv.slice(2))
