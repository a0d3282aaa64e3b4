#!/usr/bin/env bash
# The islands-versus-full-hydration comparison behind the choice in DESIGN.md: builds the
# browser bundle both ways with the release steps cargo-leptos uses (wasm-release profile,
# wasm-bindgen --target web, wasm-opt -Oz) and prints raw / gzip -9 / brotli -q 11 sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-build-tools.sh >/dev/null
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out=target/hydration-compare
rm -rf "$out" && mkdir -p "$out"

sizes() { printf '%10d %10d %10d' "$(stat -c %s "$1")" "$(gzip -9 -c "$1" | wc -c)" "$(brotli -q 11 -c "$1" | wc -c)"; }

printf '%-16s %-5s %10s %10s %10s\n' build file raw gzip brotli
for variant in islands full; do
  features=(); [ "$variant" = islands ] && features=(--features islands)
  cargo build -q -p frontend --lib --target wasm32-unknown-unknown --profile wasm-release \
    --no-default-features "${features[@]}" --target-dir target/front-compare
  wasm-bindgen --target web --no-typescript --out-name "$variant" --out-dir "$out" \
    target/front-compare/wasm32-unknown-unknown/wasm-release/frontend.wasm
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    "$out/${variant}_bg.wasm" -o "$out/${variant}_bg.wasm"
  printf '%-16s %-5s %s\n' "$variant" wasm "$(sizes "$out/${variant}_bg.wasm")"
  printf '%-16s %-5s %s\n' "$variant" js "$(sizes "$out/$variant.js")"
done
