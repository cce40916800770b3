#!/bin/sh
# The bundle-size ratchet (`make test`): the brotli sizes of the release build's wasm, JS and CSS,
# and of the search worker's wasm and JS, against tests/bench/budget.txt. Growth of more than 3%
# over a budget fails; raise the budget in the same commit when the growth is meant. Usage: tests/bench/budget.sh [DIST]
set -eu
dist=${1:-dist}
budget_file=tests/bench/budget.txt
status=0
size_of() { # <glob> – the brotli size of the one file matching it
  set -- $1
  [ -f "$1" ] || { echo "budget: no $1 in $dist" >&2; exit 1; }
  wc -c < "$1"
}
while read -r name budget; do
  case "$name" in ''|'#'*) continue ;; esac
  case "$name" in
    wasm) actual=$(size_of "$dist/newsreader-*_bg.wasm.br") ;;
    js) actual=$(size_of "$dist/newsreader-*[0-9a-f].js.br") ;;
    css) actual=$(size_of "$dist/main-*.css.br") ;;
    search-wasm) actual=$(size_of "$dist/search-worker_bg.wasm.br") ;;
    search-js) actual=$(size_of "$dist/search-worker.js.br") ;;
    *) echo "budget: unknown entry $name" >&2; exit 1 ;;
  esac
  limit=$((budget * 103 / 100))
  if [ "$actual" -gt "$limit" ]; then
    echo "budget: $name is $actual B brotli, over its budget of $budget B by more than 3% (limit $limit B)"
    status=1
  else
    echo "budget: $name $actual B brotli (budget $budget B, limit $limit B)"
  fi
done < "$budget_file"
exit $status
