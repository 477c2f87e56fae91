#!/usr/bin/env bash
# UI tests: ingest the seed and the Wikinews sample into a fresh database, then
# drive Debian's Chromium with Playwright (tests/ui/ui_test.mjs) against a real
# `annals serve`. Screenshots go to BUILD_DIR/ui-screenshots/.
# Usage: scripts/test-ui.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
annals="$(pwd)/$build/src/cli/annals"
out="$(pwd)/$build/ui-screenshots"
db="$(pwd)/$build/ui-test.db"
rm -rf "$db" "$db-wal" "$db-shm" "$db.index"
"$annals" ingest --db "$db" samples/wikinews/wikinews_2019.csv samples/wikinews/wikinews_2020.csv \
  tests/testdata/000_f3cc60b7aedefe5f.txt > /dev/null
(cd tests/ui && npm ci --no-audit --no-fund --silent)
node tests/ui/ui_test.mjs "$annals" "$db" "$out"
