#!/usr/bin/env bash
# The search API's server CPU time per request, by query class: the classes of
# bench/http_load.sh (common, mid-frequency and rare words, AND pairs,
# date-filtered words, has:quote and killed>=1 filters, title phrases), each
# run alone for SECONDS with wrk (2 keep-alive clients: a light load, so the
# CPU figure is the request's own cost, not the queue's) against `annals
# serve` on DB. Tells which class a change helps or where the rest of
# http_load's mixed CPU per request goes. EXTRA is appended to each request's
# query string (e.g. EXTRA='&total=exact').
# Usage: bench/http_class_cpu.sh BUILD_DIR DB [SECONDS=5]
set -euo pipefail
build=$1; db=$2; secs=${3:-5}
annals="$build/src/cli/annals"
command -v wrk >/dev/null || { echo "http_class_cpu: wrk not installed (scripts/install-deps --ui)" >&2; exit 1; }
[ -f "$db" ] || { echo "http_class_cpu: $db: no such archive" >&2; exit 1; }
work=$(mktemp -d)
"$annals" serve --db "$db" --port 0 --threads 8 > "$work/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q 'http://' "$work/log" && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/log" | head -1 || true)
[ -n "$url" ] || { echo "http_class_cpu: server did not start: $(cat "$work/log")" >&2; exit 1; }

# The same query classes as bench/http_load.sh, one file each.
source "$(dirname "$0")/http_queries.sh"
http_query_classes "$db" "$work"
n_docs=$(cat "$work/n_docs")

cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat"; }
curl -sf "$url/api/search?q=police" > /dev/null
echo "http_class_cpu: $db ($n_docs articles), 2 clients, ${secs}s per class, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-10s %8s %14s %10s %10s\n" class requests "CPU/request" median p99
for cls in common mid rare and date has_quote killed phrase; do
  {
    http_lua_queries "$work/$cls"
    cat <<LUA
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/search?q=" .. queries[(i % #queries) + 1] .. "${EXTRA:-}")
end
LUA
  } > "$work/$cls.lua"
  wrk -t1 -c2 -d1s -s "$work/$cls.lua" "$url" > /dev/null  # warm-up
  c0=$(cpu_ms)
  out=$(wrk -t1 -c2 -d"${secs}s" --latency -s "$work/$cls.lua" "$url")
  c1=$(cpu_ms)
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  awk -v cls="$cls" -v c=$((c1 - c0)) -v n="$n" \
      -v med="$(echo "$out" | awk '$1 == "50%" {print $2}')" -v p99="$(echo "$out" | awk '$1 == "99%" {print $2}')" \
      'BEGIN { printf "%-10s %8d %11.2f ms %10s %10s\n", cls, n, (n > 0 ? c / n : 0), med, p99 }'
done
