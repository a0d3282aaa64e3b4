#!/usr/bin/env bash
# Release build of the server and the browser bundle, with .br/.gz siblings for every asset
# so the server never compresses JS, WASM or CSS per request.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-build-tools.sh
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
command -v brotli >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq brotli; }

# `--site-only` builds the browser bundle and assets (hashed, named in target/release/hash.txt)
# but not the release server: `make test` runs its browser tests against the debug server its
# unit tests already built, as a release server build took 9 of its 30 minutes.
args=(--release)
if [ "${1:-}" = "--site-only" ]; then
  args+=(--frontend-only)
fi
echo "[build] cargo leptos build ${args[*]}"
cargo leptos build "${args[@]}"

pkg=target/site/pkg
find "$pkg" -type f \( -name '*.br' -o -name '*.gz' \) -delete
for f in "$pkg"/*; do
  brotli -q 11 -k -f "$f"
  gzip -9 -k -f "$f"
done
echo "[build] site in target/site${1:+ (site only)}, server at target/release/banshi"
