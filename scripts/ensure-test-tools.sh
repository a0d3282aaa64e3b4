#!/usr/bin/env bash
# Installs what `make test` needs besides the build tools: Debian's Chromium and ChromeDriver,
# the PostgreSQL server, CJK fonts (screenshots), brotli, and Playwright from npm (driving
# /usr/bin/chromium; its own browser download cannot work offline).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v python3 >/dev/null || missing+=(python3)
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v brotli >/dev/null || missing+=(brotli)
command -v wrk >/dev/null || missing+=(wrk)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  # Tests start their own throwaway cluster; the package's default one would only idle.
  mkdir -p /etc/postgresql-common
  grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf \
    || echo 'create_main_cluster = false' >>/etc/postgresql-common/createcluster.conf
  echo "[tools] apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$node_major" -lt 20 ]; then
  echo "Playwright needs Node.js 20 or newer; found $(node --version 2>/dev/null || echo none)" >&2
  exit 1
fi
# Reinstall when package-lock.json changed since the last install.
if [ ! -x end2end/node_modules/.bin/playwright ] \
  || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  echo "[tools] npm ci in end2end/ (Playwright, no browser download)"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
fi
