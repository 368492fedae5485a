#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright cannot download its own browsers here).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ]; then
  echo "[setup] installing Debian chromium (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
else
  echo "[postmock] Failed to find Chromium: the browser tests need it. Install Debian's chromium package (apt-get install chromium) and run again." >&2
  exit 1
fi
