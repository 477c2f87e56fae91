#!/usr/bin/env bash
# Runs every libFuzzer target (*_fuzz) in a build folder for N seconds each.
#   scripts/run-fuzzers.sh BUILD_DIR [SECONDS]      (make fuzz; make test runs 10 s each)
# Seeds come from tests/fuzz/<target>/; the grown corpus stays in
# BUILD_DIR/fuzz-corpus/<target>/ and crash inputs in BUILD_DIR/fuzz-artifacts/.
# Exits non-zero if any target finds a crash, a leak or a timeout.
set -euo pipefail
build=${1:?usage: run-fuzzers.sh BUILD_DIR [SECONDS]}
seconds=${2:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
mapfile -t targets < <(find "$build" -type f -name '*_fuzz' -perm -u+x | sort)
if [ ${#targets[@]} -eq 0 ]; then
  echo "run-fuzzers: no *_fuzz binaries in $build (configure with CC=clang CXX=clang++ -DANNALS_FUZZ=ON)" >&2
  exit 1
fi
mkdir -p "$build/fuzz-artifacts"
failed=0
for bin in "${targets[@]}"; do
  name=$(basename "$bin")
  corpus="$build/fuzz-corpus/$name"
  mkdir -p "$corpus"
  seeds=()
  [ -d "$root/tests/fuzz/$name" ] && seeds=("$root/tests/fuzz/$name")
  log="$build/fuzz-artifacts/$name.log"
  if "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$build/fuzz-artifacts/$name-" "$corpus" "${seeds[@]}" >"$log" 2>&1; then
    echo "run-fuzzers: $name ok: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs in ${seconds}s"
  else
    echo "run-fuzzers: $name FAILED (log: $log)" >&2
    tail -n 30 "$log" >&2
    failed=1
  fi
done
exit $failed
