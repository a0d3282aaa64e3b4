#!/usr/bin/env bash
# `make bench`: figures, not a test. Builds release, prints what a phone downloads (bench/size.sh),
# then loads a fresh server on loopback with wrk for a fixed short time per URL and prints
# requests/s with p50/p99 latency. BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (32) tune it.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_URL="${BENCH_SECONDS:-10}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"

bash scripts/build.sh >/dev/null 2>&1 || { echo "release build failed: run make build" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }

echo "== sizes"
bash bench/size.sh

work="$(mktemp -d)"
port="$(bash scripts/free-port.sh)"
BANSHI_ADDR="127.0.0.1:$port" BANSHI_DATABASE_URL="sqlite://$work/bench.db" BANSHI_SITE_ROOT=target/site \
  BANSHI_LOG=warn target/release/banshi >"$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done

base="http://127.0.0.1:$port"
guide="/guide/11410100MB1957846X4000107001"
echo
echo "== page weight (what a browser fetches, brotli)"
for path in / "$guide"; do
  bytes="$(curl -fs -H 'Accept-Encoding: br' "$base$path" | wc -c)"
  printf '%-40s %8d bytes html\n' "$path" "$bytes"
done

# A signed-in citizen, the way a browser does it: ask for a code, read it from the development
# outbox, sign in; wrk then loads 我的 with that session cookie (a session lookup per request).
form=(-H 'Sec-Fetch-Site: same-origin' -H 'Accept: text/html')
curl -fs "${form[@]}" -d 'intent=send&phone=13800138000&send_key=bench' "$base/login" >/dev/null
code="$(curl -fs "$base/dev/outbox?phone=13800138000" | grep -o '验证码是 [0-9]\{6\}' | head -n1 | grep -o '[0-9]\{6\}')"
session="$(curl -fs -D - -o /dev/null "${form[@]}" -d "intent=sign_in&phone=13800138000&code=$code" "$base/login" \
  | grep -io 'banshi_sid=[0-9a-f]*')"

echo
echo "== load: wrk, $CONNECTIONS connections, 2 threads, ${SECONDS_PER_URL}s per URL, loopback"
printf '%-40s %10s %10s %10s\n' url req/s p50 p99
load() {
  local label="$1" path="$2"
  shift 2
  out="$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_URL}s" --latency -H 'Accept-Encoding: br' "$@" "$base$path")"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  errors="$(grep -E 'Non-2xx|Socket errors' <<<"$out" || true)"
  printf '%-40s %10s %10s %10s %s\n' "$label" "$rps" "$p50" "$p99" "$errors"
}
load / /
load "$guide" "$guide"
load /login /login
load "/me (signed in)" /me -H "Cookie: $session"
load "/search?q=社保卡" "/search?q=%E7%A4%BE%E4%BF%9D%E5%8D%A1"
load "suggest (POST /api/suggest)" /api/suggest -s bench/suggest.lua
load /healthz /healthz

echo
echo "== the matcher alone (no HTTP)"
cargo run --quiet --release -p backend --example search_bench

echo
echo "== the 放号 rush: 5 000 citizens, 200 places, SQLite and PostgreSQL (bench/rush.sh)"
bash bench/rush.sh
