#!/usr/bin/env bash
# Release build of the server and the browser bundle, with .br/.gz siblings for every asset
# so the server never compresses JS, WASM or CSS per request.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-build-tools.sh
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
command -v brotli >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq brotli; }

echo "[build] cargo leptos build --release"
cargo leptos build --release

pkg=target/site/pkg
find "$pkg" -type f \( -name '*.br' -o -name '*.gz' \) -delete
for f in "$pkg"/*; do
  brotli -q 11 -k -f "$f"
  gzip -9 -k -f "$f"
done
echo "[build] site in target/site, server at target/release/banshi"
