#!/usr/bin/env bash
# Runs every test: build, typecheck, lint, then the suites on msw 3 / Node 24 and on msw 2 / Node 20.
# Each suite writes a JSON report into reports/; the last line sums them: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
# The machine's own Node (20) for the msw 2 suites. `npm test` puts node_modules/.bin (Node 24) first on
# PATH, so take the Node that runs npm, else the first `node` on PATH outside any node_modules/.bin.
system_node() {
  if [ -n "${npm_node_execpath:-}" ] && [ -x "$npm_node_execpath" ]; then echo "$npm_node_execpath"; return; fi
  local dir
  IFS=: read -ra dirs <<<"$PATH"
  for dir in "${dirs[@]}"; do
    case "$dir" in */node_modules/.bin) continue ;; esac
    if [ -x "$dir/node" ]; then echo "$dir/node"; return; fi
  done
}
SYSTEM_NODE="$(system_node)"
export SYSTEM_NODE # test/registry installs the packed packages for Node 20 with it
bash scripts/setup.sh || exit 1
bash scripts/chromium.sh || exit 1
export PATH="$ROOT/.tools/node_modules/.bin:$PATH"
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}"
NODE24="$ROOT/node_modules/.bin/node"
echo "system node $("$SYSTEM_NODE" -v), project node $("$NODE24" -v), pnpm $(pnpm -v)"

status=0
failed_steps=()
step() { echo; echo "=== $*"; "$@" || { echo "=== FAILED: $*"; status=1; failed_steps+=("$*"); }; }
# A suite's failed tests are counted from its JSON report; the suite step itself only sets the exit status.
# One that crashed before writing its report counts as one failure.
suite() {
  echo; echo "=== $*"
  local before; before="$(ls reports | wc -l)"
  "$@" && return
  echo "=== FAILED: $*"; status=1
  [ "$(ls reports | wc -l)" = "$before" ] && failed_steps+=("$* (no report)")
}

step pnpm run typecheck
step pnpm run lint

rm -rf reports && mkdir -p reports
# msw 3 on Node 24: every workspace package with a test script, one at a time (Chromium is heavy on 2 cores)
for dir in packages/* test test/interception test/registry examples/*; do
  [ -f "$dir/package.json" ] || continue
  name="$("$NODE24" -p "require('./$dir/package.json').name")"
  [ "$name" = "@postmock/compat-msw2" ] && continue
  if "$NODE24" -e "process.exit(require('./$dir/package.json').scripts?.test ? 0 : 1)"; then
    suite pnpm --filter "$name" run test
  fi
done
# msw 2 on the system Node 20, called directly (pnpm run would put Node 24 first on PATH)
if [ -f packages/compat-msw2/run.sh ]; then
  suite env SYSTEM_NODE="$SYSTEM_NODE" bash packages/compat-msw2/run.sh
fi

# A step that failed outside a test runner (typecheck, lint, a crashed suite) counts as one failure.
"$NODE24" scripts/summarize.mjs reports "${failed_steps[@]}" || status=1
exit $status
