#!/usr/bin/env bash
# `make test`: every check, in order, failing fast — formatting, clippy (warnings denied, for
# the server and for the WASM bundle), unit and store tests on SQLite and on a throwaway
# PostgreSQL cluster, the size budget, and the Playwright suite (phone profile, JavaScript on
# and off) against a freshly started server: the debug build the unit tests made (hashing and
# SQLite optimised even there, see Cargo.toml) serving the release-built site. Prints the
# counts at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export RUST_BACKTRACE=0 CARGO_TERM_COLOR=never
# A test run builds once: incremental caches would only cost time and ~17 GB of disk.
export CARGO_INCREMENTAL=0

logs="$(mktemp -d)"
# A cluster directory of this run's own, so two runs on one machine do not stop each other's.
BANSHI_PG_DIR="$(mktemp -d /tmp/banshi-pg.XXXXXX)"
export BANSHI_PG_DIR
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  bash scripts/pg-test-cluster.sh stop >/dev/null 2>&1 || true
  rm -rf "$logs"
}
trap cleanup EXIT
step() { printf '\n\033[1;34m== %s\033[0m\n' "$*"; }

step "tools"
bash scripts/ensure-build-tools.sh
bash scripts/ensure-test-tools.sh

step "rustfmt"
cargo fmt --all --check

step "clippy (server side, warnings denied)"
# Default members only: the frontend is linted for its own target below.
cargo clippy --all-targets -- -D warnings
step "clippy (browser bundle, wasm32)"
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

step "PostgreSQL: throwaway cluster"
BANSHI_TEST_POSTGRES_URL="$(bash scripts/pg-test-cluster.sh start)"
export BANSHI_TEST_POSTGRES_URL
echo "$BANSHI_TEST_POSTGRES_URL"

step "unit, store (SQLite + PostgreSQL) and HTTP tests"
cargo test 2>&1 | tee "$logs/cargo.txt"

step "browser bundle (release) and the test server"
bash scripts/build.sh --site-only
# The server binary `cargo test` built (it shares every compiled crate); beside it the hash
# file naming the release assets, in a directory of this run's own.
cargo build -p server --bin banshi
mkdir -p "$logs/bin"
cp target/debug/banshi target/release/hash.txt "$logs/bin/"
banshi="$logs/bin/banshi"

step "size budget"
bash bench/size.sh --check | tee "$logs/size.txt"

step "Playwright (390×844 phone; JavaScript on and off)"
port="$(bash scripts/free-port.sh)"
rm -f "$logs/e2e.db"
# Debug logging on purpose: the personal-data scan below reads everything the server wrote.
export BANSHI_DATABASE_URL="sqlite://$logs/e2e.db" BANSHI_SITE_ROOT=target/site \
  BANSHI_UPLOADS_DIR="$logs/uploads" \
  BANSHI_PII_KEY_FILE="$logs/pii.key" BANSHI_IP_SENDS_PER_HOUR=10000 BANSHI_IP_TRIES_PER_10_MIN=10000 \
  BANSHI_IP_VERIFIES_PER_HOUR=10000 \
  BANSHI_LOG=debug BANSHI_DEV_TOOLS=1 \
  BANSHI_CLOCK_START=1795831200 # 2026-11-28 10:00 China time: the booking spec's fixed "now"
# The first admin, made the documented way; its password is printed once.
E2E_ADMIN_PASSWORD="$("$banshi" create-admin e2e-admin 'E2E 管理员' 2>>"$logs/server.log" \
  | sed -n 's/.*初始密码（只显示这一次）：//p')"
[ -n "$E2E_ADMIN_PASSWORD" ] || { echo "create-admin printed no password" >&2; tail -n 20 "$logs/server.log" >&2; exit 1; }
export E2E_ADMIN_PASSWORD
BANSHI_ADDR="127.0.0.1:$port" "$banshi" >>"$logs/server.log" 2>&1 &
server_pid=$!
export BASE_URL="http://127.0.0.1:$port"
sleep 1
if ! kill -0 "$server_pid" 2>/dev/null; then
  echo "the server exited at start:" >&2
  cat "$logs/server.log" >&2
  exit 1
fi
set +e
(cd end2end && PLAYWRIGHT_JSON_OUTPUT_NAME="$logs/e2e.json" npx playwright test --reporter=list,json) 2>&1 | tee "$logs/e2e.txt"
e2e_status=${PIPESTATUS[0]}
set -e
if [ "$e2e_status" -ne 0 ]; then
  echo "--- server log (last 40 lines) ---"
  tail -n 40 "$logs/server.log"
fi

step "graceful shutdown on SIGTERM"
kill -TERM "$server_pid"
set +e
wait "$server_pid"
shutdown_status=$?
set -e
server_pid=""
if [ "$shutdown_status" -ne 0 ] || ! grep -q "办事 stopped" "$logs/server.log"; then
  echo "server did not stop cleanly on SIGTERM (exit $shutdown_status)" >&2
  e2e_status=1
else
  echo "stopped cleanly (exit 0)"
fi

step "personal data: none in clear in the server log or the database file"
python3 scripts/pii-scan.py --self-test
if ! python3 scripts/pii-scan.py "$logs/server.log" "$logs/e2e.db" "$logs/e2e.db-wal"; then
  e2e_status=1
fi

step "summary"
python3 - "$logs" "$e2e_status" <<'PY'
import json, pathlib, re, sys
logs, e2e_status = pathlib.Path(sys.argv[1]), int(sys.argv[2])
passed = failed = 0
for m in re.finditer(r"test result: \w+\. (\d+) passed; (\d+) failed", (logs / "cargo.txt").read_text()):
    passed += int(m.group(1)); failed += int(m.group(2))
print(f"cargo test: {passed} passed, {failed} failed")
report = logs / "e2e.json"
e2e_passed = e2e_failed = 0
if report.exists():
    stats = json.loads(report.read_text()).get("stats", {})
    e2e_passed = stats.get("expected", 0)
    e2e_failed = stats.get("unexpected", 0) + stats.get("flaky", 0)
if e2e_status != 0 and e2e_failed == 0:
    e2e_failed = 1
print(f"playwright: {e2e_passed} passed, {e2e_failed} failed")
print(f"total: {passed + e2e_passed} passed, {failed + e2e_failed} failed")
sys.exit(1 if failed + e2e_failed else 0)
PY
