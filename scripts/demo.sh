#!/usr/bin/env bash
# make demo: run annals over the bundled sample corpus and the seed article.
# (Until the store and server land, this prints a summary of `annals extract`.)
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
out=$(mktemp)
"$build/src/cli/annals" extract samples/wikinews/*.csv tests/testdata/000_f3cc60b7aedefe5f.txt > "$out"
echo "annals demo: $(wc -l < "$out") articles extracted; first record:"
head -n 1 "$out" | cut -c1-400
rm -f "$out"
