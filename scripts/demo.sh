#!/usr/bin/env bash
# The demo: the testAPI collection served in-process; prints what a few requests get back.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh core
exec ./node_modules/.bin/node examples/demo/demo.mjs
