#!/usr/bin/env bash
# Installs what `make run` needs to build the app, skipping whatever is already present:
# the wasm target, cargo-leptos (no_downloads), wasm-bindgen-cli at the Cargo.lock version,
# and wasm-opt from npm (Debian's binaryen 108 emits a WASM that never hydrates).
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.11
BINARYEN_VERSION=132.0.0
TOOLS_DIR="$PWD/.tools"
export PATH="$TOOLS_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"

log() { printf '\033[1;34m[tools]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v cargo-leptos >/dev/null || ! cargo-leptos --version | grep -q "$CARGO_LEPTOS_VERSION"; then
  log "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 12 minutes on 2 cores)"
  # Its lock file pins cargo-util-schemas 0.14.2, which needs a newer rustc than ours;
  # 0.14.1 builds. So: unpack the crate, relock that one package, install from the path.
  work="$(mktemp -d)"
  src="$(ls -d "$HOME"/.cargo/registry/src/*/cargo-leptos-"$CARGO_LEPTOS_VERSION" 2>/dev/null | head -n1 || true)"
  if [ -z "$src" ]; then
    # A throwaway manifest that depends on it makes cargo download and unpack it.
    mkdir -p "$work/fetch/src" && touch "$work/fetch/src/lib.rs"
    printf '[package]\nname = "fetch-cargo-leptos"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\ncargo-leptos = "=%s"\n' \
      "$CARGO_LEPTOS_VERSION" >"$work/fetch/Cargo.toml"
    (cd "$work/fetch" && cargo fetch --quiet) || true
    src="$(ls -d "$HOME"/.cargo/registry/src/*/cargo-leptos-"$CARGO_LEPTOS_VERSION" 2>/dev/null | head -n1 || true)"
  fi
  if [ -z "$src" ]; then
    echo "could not unpack cargo-leptos $CARGO_LEPTOS_VERSION from crates.io" >&2
    exit 1
  fi
  rm -rf "$work/cargo-leptos"
  cp -r "$src" "$work/cargo-leptos"
  (
    cd "$work/cargo-leptos"
    rm -f rust-toolchain.toml rust-toolchain
    cargo update --quiet -p cargo-util-schemas --precise 0.14.1
    cargo install --quiet --path . --locked --features no_downloads
  )
  rm -rf "$work"
fi

want_wb="$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p' | head -n1)"
if [ -z "$want_wb" ]; then
  echo "Cargo.lock names no wasm-bindgen version" >&2
  exit 1
fi
if ! command -v wasm-bindgen >/dev/null || ! wasm-bindgen --version | grep -q " $want_wb\$"; then
  log "installing wasm-bindgen-cli $want_wb (about 2 minutes)"
  CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback cargo install --quiet wasm-bindgen-cli --version "=$want_wb" --force
fi

if ! [ -x "$TOOLS_DIR/node_modules/.bin/wasm-opt" ]; then
  log "installing wasm-opt (binaryen $BINARYEN_VERSION) from npm into .tools/"
  command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs npm; }
  mkdir -p "$TOOLS_DIR"
  (cd "$TOOLS_DIR" && [ -f package.json ] || echo '{"private":true}' >package.json)
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "binaryen@$BINARYEN_VERSION"
fi

log "build tools ready: $(cargo-leptos --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}')"
