#!/usr/bin/env bash
# `bench/rush.sh`: the 放号 rush (server/examples/rush.rs) — 5 000 verified citizens released at
# one instant against one Saturday's 200 places over loopback HTTP, 10 % sending their form
# twice — on SQLite, then on a throwaway PostgreSQL cluster started the way scripts/test.sh
# does. Figures, not a test. RUSH_CITIZENS, RUSH_DOUBLE_PERCENT, RUSH_RAW_OPS, RUSH_MAX_TRIES
# tune it; RUSH_SKIP_PG=1 runs SQLite only.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

cargo build --quiet --release -p server --example rush

# shellcheck source=bench/pg.sh
source bench/pg.sh "${RUSH_SKIP_PG:-0}"
# 5 500 client sockets and as many server ones share this process.
ulimit -n 20000 2>/dev/null || true
echo "== the floor: the same burst against /healthz, which does nothing (SQLite only)"
RUSH_PROBE=1 BANSHI_BENCH_PG_URL= BANSHI_LOG=warn target/release/examples/rush | grep -E "latency|wall|throughput"
echo
echo "== the rush"
BANSHI_LOG=warn target/release/examples/rush
