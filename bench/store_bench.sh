#!/usr/bin/env bash
# The store/search benchmark (issue 7): builds an N-article archive from real
# news text (Reuters-21578, GVA, Wikinews, replicated with unique ids,
# shuffled sentences and dates spread 1990-2025), measures ingest throughput
# (extraction included) and peak RSS, then query latency over >= 200 queries
# (bench/store_query_bench.cc). Corpus and archive go to bench/out/ (never
# committed: restricted text).
#
# usage: bench/store_bench.sh [BUILD_DIR=build] [N=100000]
#   STORE_BENCH_THREADS=2  ingest threads   STORE_BENCH_QUERIES=40  queries per class
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
N=${2:-${STORE_BENCH_ARTICLES:-100000}}
THREADS=${STORE_BENCH_THREADS:-$(nproc)}
DATA=${ANNALS_SHARED_DATA:-../shared/data}
OUT=bench/out
mkdir -p "$OUT"
if [ ! -d "$DATA/corpus/reuters21578" ]; then
  echo "store_bench: $DATA/corpus/reuters21578 not found (shared data absent): skipped"
  exit 0
fi
cmake --build "$BUILD" --target annals make_store_corpus store_query_bench >/dev/null
CORPUS=$OUT/store_corpus_$N.jsonl
if [ ! -s "$CORPUS" ]; then
  inputs=("$DATA/corpus/reuters21578" "$DATA/corpus/wikinews")
  [ -f "$DATA/counts/gva-dev/articles.jsonl" ] && inputs+=("$DATA/counts/gva-dev/articles.jsonl")
  "$BUILD/bench/make_store_corpus" "$N" 1 "${inputs[@]}" > "$CORPUS.tmp"
  mv "$CORPUS.tmp" "$CORPUS"
fi
BYTES=$(stat -c %s "$CORPUS")
DB=$OUT/store_$N.db
rm -f "$DB" "$DB-wal" "$DB-shm"
echo "== store ingest: $N articles, $((BYTES / 1000000)) MB JSONL, $THREADS threads, $(date -u +%FT%TZ)"
/usr/bin/time -f '%e s elapsed, %M KB peak RSS, %U s user, %S s sys' -o "$OUT/store_ingest_time.txt" \
  "$BUILD/src/cli/annals" ingest "$CORPUS" --db "$DB" --threads "$THREADS" --no-progress
cat "$OUT/store_ingest_time.txt"
awk -v b="$BYTES" -v t="$THREADS" '{ cpu = $8 + $11; printf "ingest: %.2f MB/s wall (%.2f MB/s per thread), %.2f MB per CPU-second (user+sys %.1f s), peak RSS %.0f MB\n", b/1e6/$1, b/1e6/$1/t, b/1e6/cpu, cpu, $4/1024 }' "$OUT/store_ingest_time.txt"
ls -l "$DB" | awk '{ printf "archive size: %.0f MB\n", $5/1e6 }'
echo "== store queries"
"$BUILD/bench/store_query_bench" "$DB" "${STORE_BENCH_QUERIES:-40}" 3
