#!/usr/bin/env bash
# Sizes of what a phone downloads for the first route: WASM, JS glue, CSS — raw, gzip -9 and
# brotli -q 11 — from the release build in target/site/pkg. With --check, exits 1 when WASM +
# JS exceed the budget in DESIGN.md (150 KB brotli).
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET=150000
pkg=target/site/pkg
[ -d "$pkg" ] || { echo "no release build in $pkg: run make build" >&2; exit 1; }

size_of() { # raw gzip brotli of one file
  local f="$1"
  printf '%s %s %s' "$(stat -c %s "$f")" "$(gzip -9 -c "$f" | wc -c)" "$(brotli -q 11 -c "$f" | wc -c)"
}
first() { ls "$pkg"/*."$1" 2>/dev/null | grep -v -E '\.(br|gz)$' | head -n1; }

wasm="$(first wasm)"; js="$(first js)"; css="$(first css)"
read -r wasm_raw wasm_gz wasm_br <<<"$(size_of "$wasm")"
read -r js_raw js_gz js_br <<<"$(size_of "$js")"
read -r css_raw css_gz css_br <<<"$(size_of "$css")"
printf '%-6s %-34s %10s %10s %10s\n' asset file raw gzip brotli
printf '%-6s %-34s %10d %10d %10d\n' wasm "$(basename "$wasm")" "$wasm_raw" "$wasm_gz" "$wasm_br"
printf '%-6s %-34s %10d %10d %10d\n' js "$(basename "$js")" "$js_raw" "$js_gz" "$js_br"
printf '%-6s %-34s %10d %10d %10d\n' css "$(basename "$css")" "$css_raw" "$css_gz" "$css_br"
total=$((wasm_br + js_br))
echo "first route WASM + JS, brotli: $total bytes (budget $BUDGET)"
if [ "${1:-}" = "--check" ] && [ "$total" -gt "$BUDGET" ]; then
  echo "size budget exceeded by $((total - BUDGET)) bytes" >&2
  exit 1
fi
