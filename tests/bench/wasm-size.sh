#!/bin/sh
# Prints the release wasm's brotli size, what hydration adds over the client-only build, what the
# `search` feature adds, and the search worker's wasm, each built the way Trunk builds it (cargo,
# wasm-bindgen, wasm-opt with index.html's flags), then the release wasm by crate and by largest
# function (twiggy). Run from the repo root, through make (which sets the wasm's RUSTFLAGS).
set -eu
# The wasm-opt flags hold a wildcard (index.html): no file name expansion here.
set -f
out=target/bench-wasm
# The app's flags (the search worker's link repeats them).
params=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html | head -n 1)
size() { # <label> <cargo feature args...>
  label=$1; shift
  bin=newsreader
  [ "$label" = worker ] && bin=search-worker
  cargo build -q --locked --release --target wasm32-unknown-unknown --bin "$bin" "$@"
  rm -rf "$out/$label" && mkdir -p "$out/$label"
  wasm-bindgen --target web --out-dir "$out/$label" "target/wasm32-unknown-unknown/release/$bin.wasm"
  [ "$bin" = newsreader ] || mv "$out/$label/${bin}_bg.wasm" "$out/$label/newsreader_bg.wasm"
  # shellcheck disable=SC2086 # the flags are a list
  wasm-opt -Oz $params "$out/$label/newsreader_bg.wasm" -o "$out/$label/app.wasm"
  brotli -q 11 -c "$out/$label/app.wasm" | wc -c
}
csr=$(size csr)
without=$(size without-search --no-default-features --features hydrate)
worker=$(size worker --no-default-features --features hydrate,search)
# Last, so that target/ is left with the release build that `make build` uses.
release=$(size release --no-default-features --features hydrate,search)
hydration=$((release - csr))
echo "wasm (brotli): release (hydrate) $release B, client-only (csr) $csr B; hydration adds $hydration B"
growth=$((release - without))
verdict=$([ "$growth" -le 15360 ] && echo met || echo "not met, $((growth - 15360)) B over")
echo "wasm (brotli): $release B with search, $without B without; search adds $growth B (goal 15 KB: $verdict)"
echo "wasm (brotli): the search worker, loaded at the first search, $worker B"
# The same optimization with the name section kept, for twiggy.
# shellcheck disable=SC2086
wasm-opt -Oz -g $params "$out/release/newsreader_bg.wasm" -o "$out/release/named.wasm"
twiggy top --format json "$out/release/named.wasm" | node tests/bench/wasm-breakdown.mjs
