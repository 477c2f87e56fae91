#!/usr/bin/env bash
# Whole-process throughput: `annals extract --threads 1` over all of
# Reuters-21578 (read, pipeline, JSON out to /dev/null). Reports wall time and
# CPU time (user+sys), and MB/s of SGML input per CPU second: on a shared
# machine the CPU figure is the one that means something.
#   bench/extract_reuters.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
corpus="$(cd "$(dirname "$0")/.." && pwd)/../shared/data/corpus/reuters21578"
if [ ! -d "$corpus" ]; then
  echo "extract_reuters: corpus not found: $corpus (skipped)"
  exit 0
fi
bytes=$(cat "$corpus"/*.sgm | wc -c)
times=$(mktemp)
/usr/bin/time -f "%e %U %S" -o "$times" "$build/src/cli/annals" extract --threads 1 -q "$corpus" > /dev/null 2>/dev/null
read -r wall user sys < "$times"
rm -f "$times"
awk -v b="$bytes" -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN {
  printf "extract_reuters: threads=1 wall %.2f s, cpu %.2f s, %.1f MB/s of SGML per CPU second\n", w, u + s, b / (u + s) / 1e6 }'
