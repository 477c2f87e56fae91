#!/usr/bin/env bash
# Load test of the search API: N concurrent clients for S seconds with wrk on
# loopback, against `annals serve` on DB. Reports latency percentiles, errors
# and the server's RSS before/after (memory must stay flat).
# Usage: bench/http_load.sh BUILD_DIR DB [CLIENTS=32] [SECONDS=20]
set -euo pipefail
build=$1; db=$2; clients=${3:-32}; secs=${4:-20}
annals="$build/src/cli/annals"
command -v wrk >/dev/null || { echo "http_load: wrk not installed (scripts/install-deps --ui)" >&2; exit 1; }
log=$(mktemp)
"$annals" serve --db "$db" --port 0 --threads 32 > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log" "$lua"' EXIT
for _ in $(seq 100); do grep -q 'http://' "$log" && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1)
[ -n "$url" ] || { echo "http_load: server did not start: $(cat "$log")" >&2; exit 1; }
# A rotating set of realistic queries (words, phrases, filters).
lua=$(mktemp --suffix=.lua)
cat > "$lua" <<'LUA'
local queries = {"police", "killed", "government", "Baku", "%22prime+minister%22", "oil+AND+prices",
  "election+-president", "date:2020", "place:Paris", "has:quote+police", "killed>=5", "fire*",
  "court+OR+judge", "title:protest", "storm", "%22human+rights%22"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/search?q=" .. queries[(i % #queries) + 1])
end
LUA
rss() { awk '/VmRSS/ {print $2}' /proc/$pid/status; }
curl -s "$url/api/search?q=police" > /dev/null
echo "server RSS before: $(rss) kB"
# wrk prints "Non-2xx or 3xx responses: N" and socket errors when there are any.
wrk -t2 -c"$clients" -d"${secs}s" --latency -s "$lua" "$url"
echo "server RSS after: $(rss) kB"
