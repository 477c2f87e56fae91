# The user's interface to annals. Two commands matter:
#   make demo   install what is missing, build, ingest the bundled sample, serve it
#   make test   install what is missing, build, run every test (incl. ASan/UBSan)
# Others: make build, make bench, make format, make fuzz, make clean.

JOBS ?= $(shell nproc)
BUILD ?= build
SAN_BUILD ?= build-san
CMAKE_FLAGS ?=

.PHONY: all deps build test test-ui test-fast test-sanitize test-fuzz bench demo format fuzz clean

all: build

deps:
	@scripts/install-deps --ui

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DANNALS_WERROR=ON $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# Fast set (unit + golden + e2e), then the same tests under ASan/UBSan, then
# each libFuzzer target briefly (when clang is installed).
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L 'unit|golden|e2e|slow'
	scripts/test-ui.sh $(BUILD)
	$(MAKE) test-sanitize
	$(MAKE) test-fuzz

# Browser tests: Playwright + Debian's Chromium against a real annals serve.
test-ui: build
	scripts/test-ui.sh $(BUILD)

test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L 'unit|golden'

test-sanitize: deps
	cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DANNALS_SANITIZE=ON -DANNALS_WERROR=ON $(CMAKE_FLAGS)
	cmake --build $(SAN_BUILD) -j $(JOBS)
	cd $(SAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -L 'unit|golden|e2e' -LE 'nosan'
	# The reader corpus test (slow label) must also hold under ASan/UBSan.
	cd $(SAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -L slow -R '^ReadCorpusSlowTest\.'

# Every *_fuzz target for FUZZ_SECONDS (default 10) each; skipped without clang.
test-fuzz: deps
	@if command -v clang++ >/dev/null 2>&1; then \
	  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALS_FUZZ=ON $(CMAKE_FLAGS) && \
	  cmake --build build-fuzz -j $(JOBS) --target annals_fuzzers && \
	  scripts/run-fuzzers.sh build-fuzz $${FUZZ_SECONDS:-10}; \
	else echo "make test-fuzz: clang++ not found: fuzz targets not run"; fi

bench: build
	bench/run-all.sh $(BUILD)

demo: build
	scripts/demo.sh $(BUILD)

# Longer fuzzing: FUZZ_SECONDS (default 60) per target.
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALS_FUZZ=ON $(CMAKE_FLAGS)
	cmake --build build-fuzz -j $(JOBS) --target annals_fuzzers
	scripts/run-fuzzers.sh build-fuzz $${FUZZ_SECONDS:-60}

format:
	find src tests bench -name '*.cc' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(SAN_BUILD) build-fuzz
