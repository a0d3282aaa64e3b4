#!/usr/bin/env bash
# `make run`: build in release and serve on the embedded SQLite default with demo data.
# BANSHI_ADDR (default 127.0.0.1:3000) and BANSHI_DATABASE_URL override the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
mkdir -p data
export BANSHI_SITE_ROOT="${BANSHI_SITE_ROOT:-target/site}"
# The demo shows texted sign-in codes at /dev/outbox (loopback only; never in production).
export BANSHI_DEV_TOOLS="${BANSHI_DEV_TOOLS:-1}"
exec target/release/banshi
