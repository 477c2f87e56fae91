#!/usr/bin/env bash
# The UI's first screen on a given archive (issue 8: interactive in under 1 s
# on loopback, on the 1M-article database): starts `annals serve` on DB and
# loads / in Debian's Chromium RUNS times (tests/ui/first_screen.mjs).
# Usage: bench/ui_first_screen.sh BUILD_DIR DB [RUNS=5]
set -euo pipefail
build=$1; db=$2; runs=${3:-5}
cd "$(dirname "$0")/.."
annals="$(pwd)/$build/src/cli/annals"
log=$(mktemp)
"$annals" serve --db "$db" --port 0 > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q 'http://' "$log" && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1 || true)
[ -n "$url" ] || { echo "ui_first_screen: server did not start: $(cat "$log")" >&2; exit 1; }
(cd tests/ui && [ -d node_modules ] || npm ci --no-audit --no-fund --silent)
node tests/ui/first_screen.mjs "$url" "$runs"
