#!/usr/bin/env bash
# Whole-process throughput: `annals extract --threads 1` over all of
# Reuters-21578 (read, pipeline, JSON out), wall time and MB/s of input.
#   bench/extract_reuters.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
corpus="$(cd "$(dirname "$0")/.." && pwd)/../shared/data/corpus/reuters21578"
if [ ! -d "$corpus" ]; then
  echo "extract_reuters: corpus not found: $corpus (skipped)"
  exit 0
fi
bytes=$(cat "$corpus"/*.sgm | wc -c)
for threads in 1; do
  start=$(date +%s.%N)
  "$build/src/cli/annals" extract --threads "$threads" -q "$corpus" > /dev/null
  end=$(date +%s.%N)
  awk -v b="$bytes" -v s="$start" -v e="$end" -v t="$threads" \
    'BEGIN { printf "extract_reuters: threads=%d %.2f s, %.1f MB/s of SGML input\n", t, e - s, b / (e - s) / 1e6 }'
done
