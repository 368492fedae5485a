#!/usr/bin/env node
import { main } from '../dist/bin.mjs'

process.exitCode = await main(process.argv.slice(2))
