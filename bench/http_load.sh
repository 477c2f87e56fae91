#!/usr/bin/env bash
# Load test of the search API (issue 8): CLIENTS concurrent keep-alive clients
# for SECONDS with wrk on loopback against `annals serve` on DB, over a
# rotating set of queries drawn from the archive's own vocabulary (the same
# classes as bench/store_query_bench: common, mid-frequency and rare words,
# phrases, AND, date-filtered, fact filters). Prints wrk's latency
# percentiles and the server's CPU time per request, then checks the two
# pass conditions of the issue:
#   - zero failed requests (non-2xx or socket errors)  → exit 1 otherwise
#   - the server's memory stays flat: its anonymous (heap) RSS after a second,
#     identical run is within 10% (+16 MB) of that after the first (warm-up)
#     run → exit 1 otherwise. File-backed RSS (the archive's pages mapped by
#     the read connections) is reported too; it is page cache the kernel can
#     reclaim, bounded by the file size.
# Usage: bench/http_load.sh BUILD_DIR DB [CLIENTS=32] [SECONDS=20]
set -euo pipefail
build=$1; db=$2; clients=${3:-32}; secs=${4:-20}
annals="$build/src/cli/annals"
command -v wrk >/dev/null || { echo "http_load: wrk not installed (scripts/install-deps --ui)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "http_load: sqlite3 not installed (scripts/install-deps)" >&2; exit 1; }
[ -f "$db" ] || { echo "http_load: $db: no such archive" >&2; exit 1; }
work=$(mktemp -d)
log="$work/serve.log"
"$annals" serve --db "$db" --port 0 --threads 32 > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q 'http://' "$log" && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1 || true)
[ -n "$url" ] || { echo "http_load: server did not start: $(cat "$log")" >&2; exit 1; }

# --- the queries: read-only sqlite3 over the archive's FTS vocabulary -------
source "$(dirname "$0")/http_queries.sh"
http_query_classes "$db" "$work"
n_docs=$(cat "$work/n_docs")
cat "$work/common" "$work/mid" "$work/rare" "$work/and" "$work/date" \
    <(paste -d'\n' "$work/has_quote" "$work/killed") "$work/phrase" > "$work/queries.txt"
nq=$(wc -l < "$work/queries.txt")
echo "http_load: $nq queries from $db ($n_docs articles), $clients clients, ${secs}s per run"

# Lua table of URL-encoded queries for wrk.
{
  http_lua_queries "$work/queries.txt"
  cat <<'LUA'
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/search?q=" .. queries[(i % #queries) + 1])
end
-- Failed requests are what the issue counts; wrk reports non-2xx itself.
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors connect %d read %d write %d status %d timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
LUA
} > "$work/load.lua"

rss() { awk '/RssAnon/ {print $2}' "/proc/$pid/status"; }
# The server's CPU time (user + system, all threads) in ms: on a shared,
# loaded machine latency mostly measures the queue for a core, CPU time per
# request what a request costs.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat"; }
rss_all() { awk '/VmRSS|RssAnon|RssFile/ {printf "%s %s kB  ", $1, $2}' "/proc/$pid/status"; }
curl -sf "$url/api/search?q=police" > /dev/null
echo "server at start: $(rss_all)"
fail=0
for run in warm-up measured; do
  echo "== $run run"
  cpu0=$(cpu_ms)
  wrk -t2 -c"$clients" -d"${secs}s" --timeout 10s --latency -s "$work/load.lua" "$url" | tee "$work/$run.out"
  if grep -Eq 'Non-2xx|Socket errors' "$work/$run.out" ||
     ! grep -Eq 'errors connect 0 read 0 write 0 status 0 timeout 0' "$work/$run.out"; then
    echo "http_load: FAILED requests in the $run run" >&2
    fail=1
  fi
  cpu1=$(cpu_ms)
  reqs=$(awk '/^requests / {print $2}' "$work/$run.out" | tr -d ,)
  awk -v c=$((cpu1 - cpu0)) -v n="${reqs:-0}" 'BEGIN { if (n > 0) printf "server CPU time: %d ms for %d requests = %.2f ms per request\n", c, n, c / n }'
  echo "server after the $run run: $(rss_all)"
  [ "$run" = warm-up ] && rss_warm=$(rss) || rss_end=$(rss)
done
limit=$((rss_warm + rss_warm / 10 + 16384))
if [ "$rss_end" -gt "$limit" ]; then
  echo "http_load: server heap grew: ${rss_warm} kB → ${rss_end} kB (limit ${limit} kB)" >&2
  fail=1
else
  echo "http_load: heap flat: ${rss_warm} kB → ${rss_end} kB"
fi
exit $fail
