#!/usr/bin/env bash
# make demo: ingest the bundled sample (Wikinews CSVs and the seed article) into
# a fresh database with the progress bar, then serve the web UI on loopback.
# Usage: scripts/demo.sh [BUILD_DIR]   (PORT=8080 by default)
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
annals="$build/src/cli/annals"
mkdir -p demo-data
db=demo-data/demo.db
rm -rf "$db" "$db-wal" "$db-shm" "$db.index"
"$annals" ingest --db "$db" samples/wikinews/wikinews_2019.csv samples/wikinews/wikinews_2020.csv \
  tests/testdata/000_f3cc60b7aedefe5f.txt
"$annals" stats --db "$db"
echo
echo "annals demo: open the URL below (try the person page of Sabina Aliyeva, or Incidents)."
exec "$annals" serve --db "$db" --port "${PORT:-8080}"
