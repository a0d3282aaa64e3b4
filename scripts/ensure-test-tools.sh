#!/usr/bin/env bash
# Installs what `make test` needs besides the build tools: Debian's Chromium and ChromeDriver,
# the PostgreSQL server, CJK fonts (screenshots), brotli, and Playwright from npm (driving
# /usr/bin/chromium; its own browser download cannot work offline).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v brotli >/dev/null || missing+=(brotli)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "[tools] apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x end2end/node_modules/.bin/playwright ]; then
  echo "[tools] npm ci in end2end/ (Playwright, no browser download)"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
fi
