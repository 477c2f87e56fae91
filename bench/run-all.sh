#!/usr/bin/env bash
# make bench: runs every benchmark, one line each, against build folder $1.
# Add yours as one more `run` line. Figures go to BENCHMARKS.md by hand,
# with the command and the machine. Benchmarks needing ../shared/data report
# "corpus not found" and move on when it is absent.
set -uo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
status=0
run() {
  echo "== $*"
  "$@" || { echo "bench/run-all.sh: failed: $*" >&2; status=1; }
}

run "$build/bench/read_text_bench"                 # read + tokenize + sentences, Reuters-21578, one core
run "$build/src/text/text_bench"                   # text core alone: seed, Reuters bodies, hash baseline
run bench/extract_reuters.sh "$build"              # whole process: annals extract --threads 1 over Reuters
run "$build/bench/extract_stages_bench"            # extract worker CPU per step (text, ner, timex, counts, quotes, JSON), Reuters
run bench/store_bench.sh "$build" "${STORE_BENCH_ARTICLES:-100000}"  # ingest MB/s + RSS, 280 search queries, facets, timeline (N articles; 1000000 for the issue-7 figures)
run bench/http_load.sh "$build" "bench/out/store_${STORE_BENCH_ARTICLES:-100000}.db" 32 20  # API search under 32 clients: latency, 0 errors, flat heap
run bench/http_class_cpu.sh "$build" "bench/out/store_${STORE_BENCH_ARTICLES:-100000}.db" 5  # API search: server CPU per request by query class
run bench/ui_first_screen.sh "$build" "bench/out/store_${STORE_BENCH_ARTICLES:-100000}.db" 5  # UI first screen interactive, Chromium

exit $status
