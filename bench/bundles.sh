#!/usr/bin/env bash
# `bench/cases.sh`: case pages with 10 000 cases in the database (server/examples/bundles.rs) —
# req/s, p50 and p99 of a case page, a 进度 list and a clerk's queue, the SQL statements each
# page costs, and the server's memory while 20 phones upload 8 MB at once — on SQLite, then on
# a throwaway PostgreSQL cluster started the way scripts/test.sh does. Figures, not a test.
# BENCH_CASES, BENCH_SECONDS, BENCH_CONNECTIONS tune it; BENCH_SKIP_PG=1 runs SQLite only.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

cargo build --quiet --release -p server --example bundles

# shellcheck source=bench/pg.sh
source bench/pg.sh "${BENCH_SKIP_PG:-0}"
ulimit -n 20000 2>/dev/null || true
target/release/examples/bundles
