#!/usr/bin/env bash
# Release build of the server and the browser bundle, with .br/.gz siblings for every asset
# so the server never compresses JS, WASM or CSS per request.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-build-tools.sh
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
command -v brotli >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq brotli; }

# BANSHI_SERVER_OPT_LEVEL builds the server less optimised (the browser bundle is always built
# for size): `make test` uses 1, as its browser tests need a release-shaped site (hashed,
# precompressed assets), not top speed, and opt-level 3 took 11 of its 31 minutes.
bin_args=()
if [ -n "${BANSHI_SERVER_OPT_LEVEL:-}" ]; then
  # One token each (`=`): cargo-leptos would read a separate value starting with "--" as
  # one of its own options.
  bin_args=("--bin-cargo-args=--config=profile.release.opt-level=${BANSHI_SERVER_OPT_LEVEL}")
fi
echo "[build] cargo leptos build --release ${bin_args[*]}"
cargo leptos build --release "${bin_args[@]}"

pkg=target/site/pkg
find "$pkg" -type f \( -name '*.br' -o -name '*.gz' \) -delete
for f in "$pkg"/*; do
  brotli -q 11 -k -f "$f"
  gzip -9 -k -f "$f"
done
echo "[build] site in target/site, server at target/release/banshi"
