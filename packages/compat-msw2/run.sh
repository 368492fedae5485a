#!/usr/bin/env bash
# The msw 2 / Node 20 suites: core's conformance cases, the refusal of an unserved origin, and real
# Vitest and Jest (ESM and CJS) runs of the adapters, all on msw 2.15.0 with the machine's Node 20.
# Called by scripts/test.sh as `env SYSTEM_NODE=<node 20> bash packages/compat-msw2/run.sh` from the root.
# It runs vitest 4 with "$SYSTEM_NODE" directly: `pnpm run` would put Node 24 first on PATH.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
NODE="${SYSTEM_NODE:-$(command -v node)}"
REPORT="$ROOT/reports/vitest-msw2-node20.json"

cd "$HERE"
node_version="$("$NODE" -v)" || { echo "[compat-msw2] cannot run $NODE"; exit 1; }
msw_version="$("$NODE" -p "require('msw/package.json').version")" || exit 1
vitest_version="$("$NODE" -p "require('vitest/package.json').version")" || exit 1
echo "[compat-msw2] node $node_version ($NODE), msw $msw_version, vitest $vitest_version"
case "$node_version" in v20.*) ;; *) echo "[compat-msw2] warning: expected Node 20, got $node_version" ;; esac

for pkg in core adapter-node vitest jest; do
  if [ ! -f "$ROOT/packages/$pkg/dist/index.mjs" ]; then
    echo "[compat-msw2] packages/$pkg/dist is missing: build first (pnpm run build)"
    [ "$pkg" = core ] && exit 1
  fi
done

# Types against msw 2 (tsconfig paths send core's `msw` types to this package's msw 2, as the aliases do).
TSC="$("$NODE" -p "require.resolve('typescript/bin/tsc', { paths: ['$ROOT'] })")" || exit 1
"$NODE" "$TSC" -p tsconfig.json || { echo "[compat-msw2] typecheck failed"; exit 1; }

mkdir -p "$ROOT/reports"
"$NODE" node_modules/vitest/vitest.mjs run --reporter=default --reporter=json --outputFile.json="$REPORT"
